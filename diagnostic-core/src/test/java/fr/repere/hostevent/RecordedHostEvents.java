package fr.repere.hostevent;

import java.util.ArrayList;
import java.util.List;

/** The outbox in memory, for the use cases' tests: what was recorded, in order, and which dossiers were forgotten. */
public final class RecordedHostEvents implements HostEvents {

    private final List<HostEvent> recorded = new ArrayList<>();
    private final List<String> forgotten = new ArrayList<>();

    @Override
    public void record(HostEvent event) {
        recorded.add(event);
    }

    @Override
    public void forgetDossier(String team, String caseRef) {
        forgotten.add(team + "/" + caseRef);
        recorded.replaceAll(e -> e.team().equals(team) && caseRef != null && caseRef.equals(e.subject())
                ? new HostEvent(e.id(), e.type(), e.team(), null, e.time(), e.data()) : e);
    }

    public List<HostEvent> recorded() {
        return List.copyOf(recorded);
    }

    public List<HostEventType> types() {
        return recorded.stream().map(HostEvent::type).toList();
    }

    public HostEvent last() {
        return recorded.get(recorded.size() - 1);
    }

    public List<String> forgotten() {
        return List.copyOf(forgotten);
    }
}
