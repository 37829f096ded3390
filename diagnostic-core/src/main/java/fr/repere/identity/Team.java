package fr.repere.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.UUID;

/** A team of an organisation: the unit that shares people's dossiers. */
@Entity
@Table(name = "team")
public class Team {

    public static final int MAX_NAME = 200;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organisation_id", length = 36, nullable = false, updatable = false)
    private String organisation;

    @Column(name = "name", length = MAX_NAME, nullable = false)
    private String name;

    protected Team() {
        // for JPA
    }

    public Team(String organisation, String name) {
        this.id = UUID.randomUUID().toString();
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.name = Objects.requireNonNull(name, "name").strip();
        if (this.name.isEmpty() || this.name.length() > MAX_NAME) {
            throw new IllegalArgumentException("team name must have 1 to " + MAX_NAME + " characters");
        }
    }

    public String id() {
        return id;
    }

    public String organisation() {
        return organisation;
    }

    public String name() {
        return name;
    }
}
