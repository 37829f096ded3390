package fr.repere.hostevent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One change a host may care about, as it is published: a CloudEvents 1.0 event whose
 * {@code subject} is the dossier's case reference (the host's own identifier of the person's file)
 * and whose {@code data} is thin — ids, codes, levels and links to read the full record with the
 * host's key, never an answer nor any free text. The data is built by each domain; values are
 * text, numbers, booleans, lists or nested maps of them.
 *
 * @param subject the case reference; null for a diagnostic saved without one
 */
public record HostEvent(String id, HostEventType type, String team, String subject, Instant time,
                        Map<String, Object> data) {

    /** The path under which the API is served, for the links of the data. */
    public static final String API = "/api/v1/host";

    public HostEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(team, "team");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A new event with a fresh id. */
    public static HostEvent of(HostEventType type, String team, String subject, Instant time, Map<String, Object> data) {
        return new HostEvent(UUID.randomUUID().toString(), type, team, subject, time, data);
    }

    /** The link to read a diagnostic in full with the host's key. */
    public static String diagnosticLink(String diagnosticId) {
        return API + "/diagnostics/" + diagnosticId;
    }

    /** The link to read a referral in full with the host's key. */
    public static String referralLink(String referralId) {
        return API + "/referrals/" + referralId;
    }

    /** The link to read a mandate in full with the host's key. */
    public static String mandateLink(String mandateId) {
        return API + "/mandates/" + mandateId;
    }

    /** The CloudEvents {@code source} of an organisation's events. */
    public static String source(String organisation) {
        return "/repere/organisations/" + organisation;
    }

    /** The event in the CloudEvents 1.0 JSON format, as an event of {@code organisation}. */
    public String cloudEvent(String organisation) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", source(organisation));
        event.put("type", type.type());
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        StringBuilder json = new StringBuilder(512);
        write(json, event);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String s) {
            quote(json, s);
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Enum<?> e) {
            quote(json, e.name());
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                quote(json, e.getKey().toString());
                json.append(':');
                write(json, e.getValue());
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                write(json, list.get(i));
            }
            json.append(']');
        } else {
            throw new IllegalArgumentException("not a value of an event's data: " + value.getClass().getName());
        }
    }

    private static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
