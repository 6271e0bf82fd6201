/**
 * Children: their records, identity matching (NHS number, name and date of birth), the
 * flags a screener needs (open case, recent child protection plan) and the go-live import
 * of open cases and plans that sets them, and each child's chronology.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Children", allowedDependencies = { "security" })
package org.mashhub.child;
