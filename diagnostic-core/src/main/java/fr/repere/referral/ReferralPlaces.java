package fr.repere.referral;

import fr.repere.directory.Place;

import java.util.Optional;

/** The places a team may refer a person to by their id: those of its organisation's directory. */
public interface ReferralPlaces {

    /**
     * The place of this national id in the directory of the team's organisation; empty when the
     * team, its organisation or the place is unknown (another organisation's place is never found).
     */
    Optional<Place> ofTeam(String team, String placeId);
}
