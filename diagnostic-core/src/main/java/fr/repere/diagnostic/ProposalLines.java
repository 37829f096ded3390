package fr.repere.diagnostic;

import fr.repere.directory.LieuService;
import fr.repere.directory.PriseEnChargeSpecifique;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** How the parts of a rule-base proposal are stored: one embeddable per kind of line. */
final class ProposalLines {

    private ProposalLines() {
    }

    @Embeddable
    static class ActionLine {
        @Enumerated(EnumType.STRING)
        @Column(name = "action", length = 32, nullable = false)
        ComplementaryAction action;
        @Column(name = "rule_name", length = 128, nullable = false)
        String rule;
        @Column(name = "text", length = 1000, nullable = false)
        String text;

        protected ActionLine() {
        }

        ActionLine(ActionProposal p) {
            this.action = p.action();
            this.rule = p.reason().rule();
            this.text = p.reason().text();
        }

        ActionProposal toProposal() {
            return new ActionProposal(action, new Reason(rule, text));
        }
    }

    @Embeddable
    static class NeedLine {
        @Enumerated(EnumType.STRING)
        @Column(name = "service", length = 32, nullable = false)
        LieuService service;
        /** Codes of PriseEnChargeSpecifique, comma-separated. */
        @Column(name = "prise_en_charge", length = 255, nullable = false)
        String priseEnCharge;
        @Column(name = "for_what", length = 255, nullable = false)
        String forWhat;

        protected NeedLine() {
        }

        NeedLine(DirectoryNeed n) {
            this.service = n.service();
            this.priseEnCharge = join(n.priseEnCharge());
            this.forWhat = n.forWhat();
        }

        DirectoryNeed toNeed() {
            return new DirectoryNeed(service, split(priseEnCharge, PriseEnChargeSpecifique.class), forWhat);
        }
    }

    /** The mandate suggestion of an ON_BEHALF proposal; all columns null otherwise. */
    @Embeddable
    static class MandateLine {
        @Column(name = "mandate_categories", length = 255)
        String categories;
        @Enumerated(EnumType.STRING)
        @Column(name = "mandate_duration", length = 16)
        MandateDuration duration;
        @Column(name = "mandate_rule", length = 128)
        String rule;
        @Column(name = "mandate_text", length = 1000)
        String text;

        protected MandateLine() {
        }

        MandateLine(MandateSuggestion m) {
            if (m != null) {
                this.categories = join(m.categories());
                this.duration = m.duration();
                this.rule = m.reason().rule();
                this.text = m.reason().text();
            }
        }

        MandateSuggestion toSuggestion() {
            return duration == null ? null
                    : new MandateSuggestion(split(categories, DemarcheCategory.class), duration, new Reason(rule, text));
        }
    }

    static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> split(String codes, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (codes != null && !codes.isBlank()) {
            Arrays.stream(codes.split(",")).forEach(c -> values.add(Enum.valueOf(type, c)));
        }
        return values;
    }
}
