package org.atriumcrm.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON bodies for the Atrium application, with our strict {@link Json#MAPPER}. Request bodies are read as
 * {@link JsonNode} only, and validated against entity metadata by the resources; a syntax error becomes a 400
 * that says where it is. We use this small provider instead of jackson-jaxrs-json-provider so that no other
 * mapper configuration can leak into our API and every parse error is phrased by us.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(AtriumRest.JSON_EXTENSION)
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsMediaType({MediaType.APPLICATION_JSON, AtriumRest.PROBLEM_JSON})
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Produces({MediaType.APPLICATION_JSON, AtriumRest.PROBLEM_JSON})
public class JsonProvider implements MessageBodyReader<JsonNode>, MessageBodyWriter<Object> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type) && isJson(mediaType);
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw refused(AtriumException.badRequest("JSON must be sent as UTF-8, not " + charset));
        }
        PushbackInputStream in = new PushbackInputStream(entityStream, 1);
        int first = in.read();
        if (first == -1) {
            throw refused(AtriumException.badRequest("the request body is empty: a JSON object was expected"));
        }
        in.unread(first);
        try {
            JsonNode node = Json.MAPPER.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw refused(AtriumException.badRequest("the request body is empty: a JSON object was expected"));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw refused(new AtriumException(400, "malformed-json", "Malformed JSON",
                    "the request body is not valid JSON" + where + ": " + e.getOriginalMessage(), null));
        }
    }

    /**
     * A body the client got wrong, as a WebApplicationException: CXF passes those to {@link ProblemMapper} (which finds
     * the AtriumException inside) as they are, whereas any other exception from a reader becomes a Fault that CXF logs
     * as a WARN with its stack trace, as if the server had failed.
     */
    private static WebApplicationException refused(AtriumException problem) {
        return new WebApplicationException(problem, problem.status());
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !String.class.equals(type) && !byte[].class.equals(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        if (!httpHeaders.containsKey("Content-Type") || mediaType.getParameters().get("charset") == null) {
            httpHeaders.putSingle("Content-Type", mediaType.withCharset("UTF-8").toString());
        }
        Json.MAPPER.writeValue(entityStream, value);
    }

    private static boolean isJson(MediaType mediaType) {
        return mediaType == null || mediaType.isWildcardType()
                || "json".equalsIgnoreCase(mediaType.getSubtype()) || mediaType.getSubtype().endsWith("+json");
    }
}
