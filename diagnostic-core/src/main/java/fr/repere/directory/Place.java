package fr.repere.directory;

import fr.repere.territory.Commune;
import fr.repere.territory.Territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A place of digital mediation, as the national schema describes it, in the directory of the
 * organisation that imported it, identified there by the schema's {@code id}: importing a file
 * again replaces each of the organisation's places by its line ({@link #replaceWith}), so the same
 * file imported twice changes nothing, and another organisation importing the same id gets a place
 * of its own. It also knows where it is in the administrative
 * geography (commune, EPCI, département of its INSEE code at import), which is what matching
 * looks at first.
 */
@Entity
@Table(name = "place")
@IdClass(Place.Key.class)
public class Place {

    /**
     * A place's identity: the organisation whose directory holds it, and the schema's id. A class,
     * not a record: JPA builds it empty, then sets its fields.
     */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String organisation;
        private String id;

        public Key() {
            // for JPA
        }

        public Key(String organisation, String id) {
            this.organisation = organisation;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisation, k.organisation) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisation, id);
        }
    }

    @Id
    @Column(name = "organisation_id", length = 36, nullable = false, updatable = false)
    private String organisation;
    @Id
    @Column(name = "id", length = 255)
    private String id;
    @Column(name = "pivot", length = 14, nullable = false)
    private String pivot;
    @Column(name = "nom", length = 250, nullable = false)
    private String nom;
    @Column(name = "commune", length = 120, nullable = false)
    private String commune;
    @Column(name = "code_postal", length = 5, nullable = false)
    private String codePostal;
    @Column(name = "code_insee", length = 5, nullable = false)
    private String codeInsee;
    @Column(name = "epci_code", length = 9)
    private String epciCode;
    @Column(name = "departement_code", length = 3, nullable = false)
    private String departementCode;
    @Column(name = "adresse", length = 250, nullable = false)
    private String adresse;
    @Column(name = "complement_adresse", length = 250)
    private String complementAdresse;
    @Column(name = "latitude")
    private Double latitude;
    @Column(name = "longitude")
    private Double longitude;
    @Column(name = "typologie", length = 1000)
    private String typologie;
    @Column(name = "telephone", length = 40)
    private String telephone;
    @Column(name = "courriels", length = 1000)
    private String courriels;
    @Column(name = "site_web", length = 1000)
    private String siteWeb;
    @Column(name = "horaires", length = 1000)
    private String horaires;
    @Column(name = "presentation_resume", length = 1000)
    private String presentationResume;
    @Column(name = "presentation_detail", length = 10_000)
    private String presentationDetail;
    @Column(name = "source", length = 250)
    private String source;
    @Column(name = "itinerance", length = 32)
    private String itinerance;
    @Column(name = "structure_parente", length = 250)
    private String structureParente;
    @Column(name = "date_maj", nullable = false)
    private LocalDate dateMaj;
    @Column(name = "services", length = 255)
    private String services;
    @Column(name = "publics_specifiquement_adresses", length = 255)
    private String publics;
    @Column(name = "prise_en_charge_specifique", length = 255)
    private String priseEnCharge;
    @Column(name = "frais_a_charge", length = 64)
    private String frais;
    @Column(name = "dispositif_programmes_nationaux", length = 500)
    private String dispositifs;
    @Column(name = "formations_labels", length = 500)
    private String formationsLabels;
    @Column(name = "autres_formations_labels", length = 1000)
    private String autresFormationsLabels;
    @Column(name = "modalites_acces", length = 255)
    private String modalitesAcces;
    @Column(name = "modalites_accompagnement", length = 255)
    private String modalitesAccompagnement;
    @Column(name = "fiche_acces_libre", length = 500)
    private String ficheAccesLibre;
    @Column(name = "prise_rdv", length = 500)
    private String priseRdv;
    /** SHA-256 of the place's content, to tell an unchanged line from a changed one. */
    @Column(name = "content_sha256", length = 64, nullable = false)
    private String contentSha256;
    /** UTC: when an import last changed it. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Place() {
        // for JPA
    }

    public static Place of(String organisation, PlaceData data, Commune commune, Instant now) {
        Place p = new Place();
        p.organisation = Objects.requireNonNull(organisation, "organisation");
        p.id = data.id();
        p.replaceWith(data, commune, now);
        return p;
    }

    /** Takes the content of a new line for this place; false (nothing touched) when it is the same. */
    public boolean replaceWith(PlaceData data, Commune where, Instant now) {
        if (!data.id().equals(id)) {
            throw new IllegalArgumentException("place " + id + " cannot take the line of " + data.id());
        }
        String hash = fingerprint(data);
        if (hash.equals(contentSha256)) {
            return false;
        }
        contentSha256 = hash;
        updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
        pivot = data.pivot();
        nom = data.nom();
        commune = data.commune();
        codePostal = data.codePostal();
        codeInsee = where.code();
        epciCode = where.epci() == null ? null : where.epci().code();
        departementCode = where.departement().code();
        adresse = data.adresse();
        complementAdresse = data.complementAdresse();
        latitude = data.latitude();
        longitude = data.longitude();
        typologie = Vocabulary.codes(data.typologie());
        telephone = data.telephone();
        courriels = String.join("|", data.courriels());
        siteWeb = String.join("|", data.siteWeb());
        horaires = data.horaires();
        presentationResume = data.presentationResume();
        presentationDetail = data.presentationDetail();
        source = data.source();
        itinerance = Vocabulary.codes(data.itinerance());
        structureParente = data.structureParente();
        dateMaj = data.dateMaj();
        services = Vocabulary.codes(data.services());
        publics = Vocabulary.codes(data.publicsSpecifiquementAdresses());
        priseEnCharge = Vocabulary.codes(data.priseEnChargeSpecifique());
        frais = Vocabulary.codes(data.fraisACharge());
        dispositifs = Vocabulary.codes(data.dispositifProgrammesNationaux());
        formationsLabels = Vocabulary.codes(data.formationsLabels());
        autresFormationsLabels = String.join("|", data.autresFormationsLabels());
        modalitesAcces = Vocabulary.codes(data.modalitesAcces());
        modalitesAccompagnement = Vocabulary.codes(data.modalitesAccompagnement());
        ficheAccesLibre = data.ficheAccesLibre();
        priseRdv = data.priseRdv();
        return true;
    }

    static String fingerprint(PlaceData data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether it offers this service. */
    public boolean offers(LieuService service) {
        return services().contains(service);
    }

    /** Whether it takes care of every one of these specific needs (deafness, illiteracy, languages…). */
    public boolean handles(Set<PriseEnChargeSpecifique> needed) {
        return priseEnChargeSpecifique().containsAll(needed);
    }

    /** False when the place says it receives no public ("Ce lieu n'accueille pas de public"). */
    public boolean receivesPublic() {
        return !modalitesAcces().contains(ModaliteAcces.PAS_DE_PUBLIC);
    }

    public Territory territory() {
        return new Territory(codeInsee, epciCode, departementCode);
    }

    /** Everything the schema says of it. */
    public PlaceData data() {
        return new PlaceData(id, pivot, nom, commune, codePostal, codeInsee, adresse, complementAdresse, latitude,
                longitude, Vocabulary.ofCodes(Typologie.class, typologie), telephone, split(courriels), split(siteWeb),
                horaires, presentationResume, presentationDetail, source, Vocabulary.ofCodes(Itinerance.class, itinerance),
                structureParente, dateMaj, services(), Vocabulary.ofCodes(PublicSpecifique.class, publics),
                priseEnChargeSpecifique(), fraisACharge(), Vocabulary.ofCodes(DispositifProgrammeNational.class, dispositifs),
                Vocabulary.ofCodes(FormationLabel.class, formationsLabels), split(autresFormationsLabels), modalitesAcces(),
                modalitesAccompagnement(), ficheAccesLibre, priseRdv);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
    }

    public String id() {
        return id;
    }

    public String organisation() {
        return organisation;
    }

    public String nom() {
        return nom;
    }

    public Double latitude() {
        return latitude;
    }

    public Double longitude() {
        return longitude;
    }

    public Set<LieuService> services() {
        return Vocabulary.ofCodes(LieuService.class, services);
    }

    public Set<PriseEnChargeSpecifique> priseEnChargeSpecifique() {
        return Vocabulary.ofCodes(PriseEnChargeSpecifique.class, priseEnCharge);
    }

    public Set<FraisACharge> fraisACharge() {
        return Vocabulary.ofCodes(FraisACharge.class, frais);
    }

    public Set<ModaliteAcces> modalitesAcces() {
        return Vocabulary.ofCodes(ModaliteAcces.class, modalitesAcces);
    }

    public Set<ModaliteAccompagnement> modalitesAccompagnement() {
        return Vocabulary.ofCodes(ModaliteAccompagnement.class, modalitesAccompagnement);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
