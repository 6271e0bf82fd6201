package org.mashhub.referral;

/**
 * A screener's RAG rating: how fast what follows must happen. Red, amber and green each
 * have a target (an SLA policy); blue means no further MASH work.
 */
public enum Rag {

	RED, AMBER, GREEN, BLUE

}
