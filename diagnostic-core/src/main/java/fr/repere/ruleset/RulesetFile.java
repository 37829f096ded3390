package fr.repere.ruleset;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;

/** One decision table of a ruleset version, as uploaded. */
@Embeddable
public class RulesetFile {

    @Column(name = "file_name", length = 128, nullable = false)
    private String name;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "content", nullable = false)
    private byte[] content;

    protected RulesetFile() {
        // for JPA
    }

    RulesetFile(String name, byte[] content) {
        this.name = name;
        this.content = content.clone();
    }

    public String name() {
        return name;
    }

    public byte[] content() {
        return content.clone();
    }
}
