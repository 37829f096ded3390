package fr.repere.infrastructure;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.dossier.Dossier;
import fr.repere.dossier.DossierRef;
import fr.repere.dossier.Dossiers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Dossiers in MariaDB: the diagnostics and drafts of a team and case reference. Case references
 * are compared exactly, by the columns (binary collation, V21) as by the code and the journal's pseudonyms.
 */
@ApplicationScoped
public class JpaDossiers implements Dossiers {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaDossiers() {
    }

    public JpaDossiers(EntityManager em) {
        this.em = em;
    }

    @Override
    public Dossier find(DossierRef ref) {
        List<Diagnostic> diagnostics = DiagnosticLoading.whole(DiagnosticLoading.batched(query(Diagnostic.class, "Diagnostic", ref), "x")
                .getResultList()).stream()
                .filter(d -> ref.caseRef().equals(d.caseRef()) && !d.isAnonymous()).toList();
        List<Draft> drafts = query(Draft.class, "Draft", ref).getResultList().stream()
                .filter(d -> ref.caseRef().equals(d.caseRef())).toList();
        return Dossier.of(ref, diagnostics, drafts);
    }

    private <T> TypedQuery<T> query(Class<T> type, String entity, DossierRef ref) {
        String jpql = "SELECT x FROM " + entity + " x WHERE x.caseRef = :caseRef AND "
                + (ref.team() == null ? "x.team IS NULL" : "x.team = :team");
        TypedQuery<T> query = em.createQuery(jpql, type).setParameter("caseRef", ref.caseRef());
        return ref.team() == null ? query : query.setParameter("team", ref.team());
    }

    @Override
    public List<DossierRef> inactiveSince(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT team_id, case_ref, MAX(last_at) AS last_activity FROM ("
                        + " SELECT team_id, case_ref, GREATEST(taken_at, COALESCE(decided_at, taken_at)) AS last_at"
                        + " FROM diagnostic WHERE case_ref IS NOT NULL"
                        + " UNION ALL"
                        + " SELECT team_id, case_ref, updated_at AS last_at FROM diagnostic_draft WHERE case_ref IS NOT NULL"
                        + ") activity GROUP BY team_id, case_ref"
                        + " HAVING MAX(last_at) < ?1 ORDER BY last_activity LIMIT ?2")
                .setParameter(1, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new DossierRef((String) r[0], (String) r[1])).toList();
    }

    @Override
    public List<DiagnosticId> withoutCaseInactiveSince(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM ("
                        + " SELECT id, GREATEST(taken_at, COALESCE(decided_at, taken_at)) AS last_at"
                        + " FROM diagnostic WHERE case_ref IS NULL AND anonymized_at IS NULL"
                        + " UNION ALL"
                        + " SELECT id, updated_at AS last_at FROM diagnostic_draft WHERE case_ref IS NULL"
                        + ") activity WHERE last_at < ?1 GROUP BY id ORDER BY MIN(last_at), id LIMIT ?2")
                .setParameter(1, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(id -> new DiagnosticId((String) id)).toList();
    }

    @Override
    public Optional<Diagnostic> diagnosticWithoutCase(DiagnosticId id) {
        return Optional.ofNullable(em.find(Diagnostic.class, id.value())).filter(d -> d.caseRef() == null && !d.isAnonymous())
                .map(DiagnosticLoading::whole);
    }

    @Override
    public Optional<Draft> draftWithoutCase(DiagnosticId id) {
        return Optional.ofNullable(em.find(Draft.class, id.value())).filter(d -> d.caseRef() == null);
    }

    @Override
    public void redactLinkedRecords(DossierRef ref, List<DiagnosticId> diagnostics) {
        redactReferrals(diagnostics);
        em.createNativeQuery("UPDATE mandate SET case_ref = CONCAT('anonyme-', id) WHERE team_id = ?1 AND case_ref = ?2")
                .setParameter(1, ref.team()).setParameter(2, ref.caseRef()).executeUpdate();
    }

    @Override
    public void redactReferrals(List<DiagnosticId> diagnostics) {
        if (!diagnostics.isEmpty()) {
            // the history is append-only for the application's account: the procedure (V16) erases
            // the reasons of one diagnostic's referrals and nothing else
            for (DiagnosticId diagnostic : diagnostics) {
                em.createNativeQuery("CALL referral_event_redact(?1)").setParameter(1, diagnostic.value()).getSingleResult();
            }
            // the schema wants a refused referral to keep a reason: it keeps that it had one
            Query referrals = em.createNativeQuery("UPDATE referral SET place_a_apporter = NULL, refusal_reason = CASE"
                    + " WHEN refusal_reason IS NULL THEN NULL ELSE ?1 END WHERE diagnostic_id IN (" + parameters(2, diagnostics) + ")")
                    .setParameter(1, REDACTED_REASON);
            for (int i = 0; i < diagnostics.size(); i++) {
                referrals.setParameter(i + 2, diagnostics.get(i).value());
            }
            referrals.executeUpdate();
        }
    }

    private static String parameters(int first, List<?> values) {
        return IntStream.range(first, first + values.size()).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
    }

    @Override
    public void removeCafConsultations(List<DiagnosticId> interviews) {
        new JpaCafConsultations(em).removeOfInterviews(interviews.stream().map(DiagnosticId::value).toList());
    }

    /** What an anonymized refused referral says of its reason. */
    public static final String REDACTED_REASON = "Motif effacé (dossier anonymisé)";

    @Override
    public void renumber(Diagnostic diagnostic, DiagnosticId newId) {
        em.flush(); // the anonymized state is written under the old id first
        String oldId = diagnostic.id().value();
        em.detach(diagnostic);
        em.createNativeQuery("UPDATE diagnostic SET id = ?1 WHERE id = ?2")
                .setParameter(1, newId.value())
                .setParameter(2, oldId)
                .executeUpdate();
    }

    @Override
    public void remove(Diagnostic diagnostic) {
        em.remove(diagnostic);
    }

    @Override
    public void remove(Draft draft) {
        em.remove(draft);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
