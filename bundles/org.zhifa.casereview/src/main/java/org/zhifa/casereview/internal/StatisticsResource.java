package org.zhifa.casereview.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.rest.RestResource;

/** {@code GET /api/v1/statistics?year=&kind=&format=json|csv}: counts of cases (R8). */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/statistics")
public class StatisticsResource {

    private final StatisticsService statistics;

    @Activate
    public StatisticsResource(@Reference(name = "statistics") StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response get(@Context HttpServletRequest rc, @QueryParam("year") String year, @QueryParam("kind") String kind,
                        @QueryParam("format") String format, @QueryParam("lang") String lang) {
        String f = Rest.format(format, "json", "csv");
        CaseStatistics s = statistics.cases(Rest.year(year), kind, Rest.actor(rc));
        if (f.equals("csv")) {
            String name = "statistics" + (s.year() == null ? "" : "-" + s.year()) + (s.kind() == null ? "" : "-" + s.kind());
            return Rest.download(ReportWriter.csv(s, Rest.locale(lang)).bytes(), Csv.MEDIA_TYPE, name + ".csv", name + ".csv");
        }
        return Response.ok(s, MediaType.APPLICATION_JSON).build();
    }
}
