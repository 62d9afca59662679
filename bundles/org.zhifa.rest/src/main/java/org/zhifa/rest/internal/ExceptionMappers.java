package org.zhifa.rest.internal;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.ZhifaException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure leaves the API as a JSON {code, message_zh, message_en}. */
final class ExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {}

    static final class Domain implements ExceptionMapper<ZhifaException> {
        @Override
        public Response toResponse(ZhifaException e) {
            return ErrorBody.response(ErrorBody.status(e.kind()), ErrorBody.of(e));
        }
    }

    static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return ErrorBody.response(400, body(e));
        }

        static ErrorBody body(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException u) {
                return ErrorBody.of("UNKNOWN_FIELD", u.getPropertyName(), u.getPropertyName());
            }
            if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                String path = path((JsonMappingException) e);
                return ErrorBody.of("WRONG_TYPE", path, path);
            }
            if (e instanceof JsonMappingException m && m.getCause() instanceof ZhifaException) {
                return ErrorBody.of((ZhifaException) m.getCause());
            }
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String path = path(m);
                return ErrorBody.of("WRONG_TYPE", path, path);
            }
            return ErrorBody.of("MALFORMED_JSON", null, e.getOriginalMessage());
        }

        private static String path(JsonMappingException e) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            return sb.length() == 0 ? "body" : sb.toString();
        }
    }

    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException j) {
                return ErrorBody.response(400, Json.body(j));
            }
            if (cause instanceof ZhifaException z) {
                return new Domain().toResponse(z);
            }
            String code = switch (status) {
                case 401 -> "UNAUTHENTICATED";
                case 403 -> "FORBIDDEN";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 413 -> "PAYLOAD_TOO_LARGE";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
            };
            if (status >= 500) {
                LOG.error("REST request failed", e);
            }
            Response out = ErrorBody.response(status, ErrorBody.of(code, null));
            if (status == 401) {
                return Response.fromResponse(out).header("WWW-Authenticate", AuthFilter.CHALLENGE).build();
            }
            if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(out).header("Allow", e.getResponse().getHeaderString("Allow")).build();
            }
            return out;
        }
    }

    static final class Any implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ZhifaException z) {
                    return new Domain().toResponse(z);
                }
            }
            LOG.error("REST request failed", e);
            return ErrorBody.response(500, ErrorBody.of("INTERNAL_ERROR", null));
        }
    }
}
