package fr.repere.caf;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a person as written on the civil-status records (« identité pivot »), the key of a
 * CAF / MSA lookup. Names are kept as typed (the source matches case and accents itself).
 *
 * <p>Validation follows the API Particulier v3 description: 1 to 3 first names; birth country as a
 * 5-digit COG code ({@code 99100} = France); the birth commune's COG code is required for a person
 * born in France and forbidden for a person born abroad. Error messages never repeat the values
 * (they may end in logs), and {@link #toString()} hides them.
 *
 * @param nomNaissance                 birth name (nom de famille)
 * @param nomUsage                     name in use, {@code null} if none; a name in use equal to the
 *                                     birth name is no name in use and becomes {@code null}
 * @param prenoms                      first names, in civil-status order, 1 to 3
 * @param birthDate                    birth date, possibly partial (year, or year and month);
 *                                     {@code null} when unknown
 * @param sexe                         sex as written on the civil-status records
 * @param codeCogInseePaysNaissance    COG code of the birth country, {@code 99xxx}
 * @param codeCogInseeCommuneNaissance COG code of the birth commune, only for a person born in France
 */
public record CivilStatus(String nomNaissance, String nomUsage, List<String> prenoms, BirthDate birthDate,
                          Sexe sexe, String codeCogInseePaysNaissance, String codeCogInseeCommuneNaissance) {

    /** COG code of France as a birth country. */
    public static final String FRANCE = "99100";
    public static final int MAX_PRENOMS = 3;
    private static final int MAX_NAME_LENGTH = 100;
    private static final Pattern COG_PAYS = Pattern.compile("99\\d{3}");
    private static final Pattern COG_COMMUNE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");

    public CivilStatus {
        nomNaissance = name(nomNaissance, "nomNaissance");
        nomUsage = nomUsage == null || nomUsage.isBlank() ? null : name(nomUsage, "nomUsage");
        if (nomUsage != null && nomUsage.equalsIgnoreCase(nomNaissance)) {
            nomUsage = null;
        }
        Objects.requireNonNull(prenoms, "prenoms");
        if (prenoms.isEmpty() || prenoms.size() > MAX_PRENOMS) {
            throw new IllegalArgumentException("prenoms: 1 to " + MAX_PRENOMS + " first names");
        }
        prenoms = prenoms.stream().map(p -> name(p, "prenoms")).toList();
        Objects.requireNonNull(sexe, "sexe");
        if (codeCogInseePaysNaissance == null || !COG_PAYS.matcher(codeCogInseePaysNaissance).matches()) {
            throw new IllegalArgumentException("codeCogInseePaysNaissance: 5 digits beginning with 99");
        }
        if (FRANCE.equals(codeCogInseePaysNaissance)) {
            if (codeCogInseeCommuneNaissance == null
                    || !COG_COMMUNE.matcher(codeCogInseeCommuneNaissance).matches()) {
                throw new IllegalArgumentException(
                        "codeCogInseeCommuneNaissance: 5 characters (digits, or 2A/2B then 3 digits) for a person born in France");
            }
        } else if (codeCogInseeCommuneNaissance != null) {
            throw new IllegalArgumentException("codeCogInseeCommuneNaissance must be empty for a person born abroad");
        }
    }

    /** Convenience for the usual case: complete birth date, no name in use. */
    public static CivilStatus of(String nomNaissance, List<String> prenoms, LocalDate birthDate, Sexe sexe,
                                 String codeCogInseePaysNaissance, String codeCogInseeCommuneNaissance) {
        return new CivilStatus(nomNaissance, null, prenoms, BirthDate.of(birthDate), sexe,
                codeCogInseePaysNaissance, codeCogInseeCommuneNaissance);
    }

    public boolean bornInFrance() {
        return FRANCE.equals(codeCogInseePaysNaissance);
    }

    /** Identity data stays out of logs. */
    @Override
    public String toString() {
        return "CivilStatus[masqué]";
    }

    private static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " contains control characters");
        }
        if (trimmed.chars().noneMatch(Character::isLetter)) {
            throw new IllegalArgumentException(field + " contains no letter");
        }
        return trimmed;
    }

    /** Sex as written on the civil-status records ({@code sexeEtatCivil}). */
    public enum Sexe { M, F }

    /**
     * A birth date that may be partial, as civil-status records of people born abroad often are:
     * a year, a year and a month, or a full date.
     *
     * @param year  year, 1850 to the current year
     * @param month 1-12 or {@code null}
     * @param day   day of the month or {@code null}; requires {@code month}
     */
    public record BirthDate(int year, Integer month, Integer day) {

        public BirthDate {
            if (year < 1850 || year > Year.now().getValue()) {
                throw new IllegalArgumentException("birth year out of range");
            }
            if (month == null && day != null) {
                throw new IllegalArgumentException("a birth day needs a birth month");
            }
            if (month != null && (month < 1 || month > 12)) {
                throw new IllegalArgumentException("birth month must be 1-12");
            }
            if (day != null) {
                try {
                    if (LocalDate.of(year, month, day).isAfter(LocalDate.now())) {
                        throw new IllegalArgumentException("birth date in the future");
                    }
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("no such birth date");
                }
            }
        }

        public static BirthDate of(LocalDate date) {
            Objects.requireNonNull(date, "date");
            return new BirthDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        }

        public static BirthDate ofYear(int year) {
            return new BirthDate(year, null, null);
        }

        public static BirthDate ofYearMonth(int year, int month) {
            return new BirthDate(year, month, null);
        }

        public boolean complete() {
            return day != null;
        }
    }
}
