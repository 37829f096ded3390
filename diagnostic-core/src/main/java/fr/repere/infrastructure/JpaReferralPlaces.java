package fr.repere.infrastructure;

import fr.repere.directory.Place;
import fr.repere.referral.ReferralPlaces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The places a team may refer to by id: its organisation's directory, in MariaDB. */
@ApplicationScoped
public class JpaReferralPlaces implements ReferralPlaces {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaReferralPlaces() {
    }

    public JpaReferralPlaces(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Place> ofTeam(String team, String placeId) {
        return new JpaAdministration(em).organisationOf(team)
                .flatMap(organisation -> new JpaDirectory(em).place(organisation, placeId));
    }
}
