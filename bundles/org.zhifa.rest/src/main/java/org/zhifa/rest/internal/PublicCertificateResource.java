package org.zhifa.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;

/** /api/v1/public/certificates/{no} — the public certificate lookup (D2), no login. */
@Path("v1/public/certificates")
@Produces(MediaType.APPLICATION_JSON)
@PublicAccess
public class PublicCertificateResource {
    private final PersonnelService personnel;

    PublicCertificateResource(PersonnelService personnel) {
        this.personnel = personnel;
    }

    @GET
    @Path("{no}")
    public PublicCertificate lookup(@PathParam("no") String no) {
        return personnel.lookupCertificate(no).orElseThrow(() -> Params.notFound("CERTIFICATE_NOT_FOUND"));
    }
}
