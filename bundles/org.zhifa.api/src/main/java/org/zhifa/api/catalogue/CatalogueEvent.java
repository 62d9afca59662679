package org.zhifa.api.catalogue;

import java.time.Instant;

/**
 * One step in a version's history: drafted, revised, submitted, returned, reviewed, published, disclosed,
 * corrected (a new version asked for). {@code note} holds the review opinion or the correction request.
 */
public record CatalogueEvent(String type, String actor, Instant at, String note) {}
