package org.zhifa.api.casereview;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/** Case statistics (R8), read from the case tables; needs a staff role. */
@ProviderType
public interface StatisticsService {

    /**
     * @param year null or a year between 2000 and 2100
     * @param kind null or a kind id
     */
    CaseStatistics cases(Integer year, String kind, Actor actor);
}
