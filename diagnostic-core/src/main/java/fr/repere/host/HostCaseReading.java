package fr.repere.host;

import fr.repere.diagnostic.CaseDiagnostics;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticRepository;
import fr.repere.identity.HostCredential;
import fr.repere.identity.OrganisationDirectory;
import fr.repere.identity.Team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the case-management software of an organisation reads with its key: the diagnostics of one
 * of its cases, in the teams of that organisation the key may read (all of them, or those of its
 * restriction). A case reference is a team's: two teams' dossiers under the same reference may be
 * two different people, so the answer is one dossier per team, never one merged list. Every
 * diagnostic read is the caller's to journal.
 */
@ApplicationScoped
public class HostCaseReading {

    /** One team's dossier of the case: its diagnostics, newest first. */
    public record TeamDossier(Team team, List<Diagnostic> diagnostics) {
        public TeamDossier {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param read     every diagnostic read, in the order read (newest first)
     * @param dossiers the teams' dossiers, by team name, only of teams that have one
     */
    public record CaseRead(List<Diagnostic> read, List<TeamDossier> dossiers) {
        public CaseRead {
            read = List.copyOf(read);
            dossiers = List.copyOf(dossiers);
        }
    }

    private OrganisationDirectory organisations;
    private CaseDiagnostics diagnostics;
    private DiagnosticRepository byId;

    /** For CDI's proxy. */
    protected HostCaseReading() {
    }

    @Inject
    public HostCaseReading(OrganisationDirectory organisations, CaseDiagnostics diagnostics, DiagnosticRepository byId) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.byId = Objects.requireNonNull(byId, "byId");
    }

    /**
     * The diagnostic of that id (the link of a host event), if it is of a team the key may read;
     * empty otherwise, as if it did not exist.
     *
     * @param restriction the teams the key is restricted to; empty: every team of the organisation
     */
    public Optional<Diagnostic> diagnostic(String organisation, List<String> restriction, DiagnosticId id) {
        List<String> readable = HostCredential.readableAmong(restriction,
                organisations.teams(organisation).stream().map(Team::id).toList());
        return byId.find(id).filter(d -> readable.contains(d.team()));
    }

    /**
     * @param restriction the teams the key is restricted to; empty: every team of the organisation
     */
    public CaseRead ofCase(String organisation, List<String> restriction, String caseRef) {
        List<Team> teams = organisations.teams(organisation);
        List<String> readable = HostCredential.readableAmong(restriction, teams.stream().map(Team::id).toList());
        List<Diagnostic> read = diagnostics.ofCase(readable, caseRef);
        Map<String, List<Diagnostic>> byTeam = new HashMap<>();
        read.forEach(d -> byTeam.computeIfAbsent(d.team(), t -> new ArrayList<>()).add(d));
        List<TeamDossier> dossiers = teams.stream().filter(t -> byTeam.containsKey(t.id()))
                .map(t -> new TeamDossier(t, byTeam.get(t.id()))).toList();
        return new CaseRead(read, dossiers);
    }
}
