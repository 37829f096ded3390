package fr.repere.referral;

import fr.repere.directory.ModaliteAcces;
import fr.repere.directory.Place;
import fr.repere.directory.PlaceData;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the slip needs of a place (lieux de médiation numérique schema), copied when the referral
 * is made: the slip a person keeps must say what the worker said, even if the directory changes
 * later. The place itself is named by its national {@code id}.
 */
@Embeddable
public class PlaceSnapshot {

    /** The schema's {@code modalites_acces} values, verbatim. */
    public static final List<String> MODALITES_ACCES = List.of("Se présenter", "Téléphoner", "Contacter par mail",
            "Envoyer un mail avec une fiche de prescription", "Prendre un RDV en ligne",
            "Ce lieu n'accueille pas de public");

    @Column(name = "place_id", length = 255, nullable = false)
    private String placeId;
    @Column(name = "place_nom", length = 250, nullable = false)
    private String nom;
    @Column(name = "place_adresse", length = 250, nullable = false)
    private String adresse;
    @Column(name = "place_complement_adresse", length = 250)
    private String complementAdresse;
    @Column(name = "place_code_postal", length = 5, nullable = false)
    private String codePostal;
    @Column(name = "place_commune", length = 120, nullable = false)
    private String commune;
    /** OpenStreetMap {@code opening_hours} syntax, as the schema has it. */
    @Column(name = "place_horaires", length = 1000)
    private String horaires;
    @Column(name = "place_telephone", length = 40)
    private String telephone;
    /** {@code |}-separated, as in the schema's CSV. */
    @Column(name = "place_courriels", length = 1000)
    private String courriels;
    /** {@code |}-separated {@link #MODALITES_ACCES} labels. */
    @Column(name = "place_modalites_acces", length = 500)
    private String modalitesAcces;
    /** What the person should bring (papers, login details they know, their phone…): the worker's words. */
    @Column(name = "place_a_apporter", length = 1000)
    private String whatToBring;

    protected PlaceSnapshot() {
        // for JPA
    }

    public PlaceSnapshot(String placeId, String nom, String adresse, String complementAdresse, String codePostal,
                         String commune, String horaires, String telephone, List<String> courriels,
                         List<String> modalitesAcces, String whatToBring) {
        this.placeId = required(placeId, "placeId");
        this.nom = required(nom, "nom");
        this.adresse = required(adresse, "adresse");
        this.complementAdresse = blankToNull(complementAdresse);
        this.codePostal = required(codePostal, "codePostal");
        this.commune = required(commune, "commune");
        this.horaires = blankToNull(horaires);
        this.telephone = blankToNull(telephone);
        this.courriels = join(courriels);
        List<String> modalites = modalitesAcces == null ? List.of() : modalitesAcces;
        modalites.stream().filter(m -> !MODALITES_ACCES.contains(m)).findAny().ifPresent(m -> {
            throw new IllegalArgumentException("not a modalites_acces value: " + m);
        });
        this.modalitesAcces = join(modalites);
        this.whatToBring = blankToNull(whatToBring);
    }

    /**
     * The slip's copy of a directory place, as the directory has it now: what the worker chose from
     * the directory is not retyped (nor tampered with) by the browser.
     */
    public static PlaceSnapshot of(Place place, String whatToBring) {
        PlaceData d = place.data();
        return new PlaceSnapshot(d.id(), d.nom(), d.adresse(), d.complementAdresse(), d.codePostal(), d.commune(),
                d.horaires(), d.telephone(), d.courriels(),
                place.modalitesAcces().stream().sorted().map(ModaliteAcces::label).toList(), whatToBring);
    }

    private static String required(String value, String field) {
        String v = blankToNull(value);
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("|", values.stream().map(String::strip).toList());
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split("\\|"));
    }

    public String placeId() {
        return placeId;
    }

    public String nom() {
        return nom;
    }

    public String adresse() {
        return adresse;
    }

    public String complementAdresse() {
        return complementAdresse;
    }

    public String codePostal() {
        return codePostal;
    }

    public String commune() {
        return commune;
    }

    public String horaires() {
        return horaires;
    }

    public String telephone() {
        return telephone;
    }

    public List<String> courriels() {
        return split(courriels);
    }

    public List<String> modalitesAcces() {
        return split(modalitesAcces);
    }

    public String whatToBring() {
        return whatToBring;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaceSnapshot p && placeId.equals(p.placeId) && nom.equals(p.nom)
                && Objects.equals(horaires, p.horaires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(placeId, nom, horaires);
    }
}
