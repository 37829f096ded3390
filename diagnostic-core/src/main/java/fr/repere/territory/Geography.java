package fr.repere.territory;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The current communes of France with their EPCI and département, read once from the resource
 * {@code geography.tsv.gz} that {@code tools/geography/derive.mjs} derives from the npm package
 * {@code @etalab/decoupage-administratif}. A former commune's code, a municipal arrondissement's
 * (Paris, Lyon, Marseille) or a commune déléguée's leads to the current commune. Immutable.
 */
public final class Geography {

    private static final String RESOURCE = "geography.tsv.gz";

    private final Map<String, Commune> communes;
    private final Map<String, String> aliases;
    private final Map<String, Departement> departements;
    private final Map<String, Epci> epcis;
    private final List<Indexed> byName;
    private final String source;

    private record Indexed(String folded, Commune commune) {
    }

    private Geography(Map<String, Commune> communes, Map<String, String> aliases, Map<String, Departement> departements,
                      Map<String, Epci> epcis, String source) {
        this.communes = communes;
        this.aliases = aliases;
        this.departements = departements;
        this.epcis = epcis;
        this.source = source;
        this.byName = communes.values().stream().map(c -> new Indexed(Names.fold(c.nom()), c))
                .sorted(Comparator.comparing(Indexed::folded)).toList();
    }

    /** The geography shipped with Repère. */
    public static Geography shipped() {
        try (InputStream in = Geography.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource fr/repere/territory/" + RESOURCE);
            }
            return read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Geography read(InputStream tsv) throws IOException {
        Map<String, Departement> departements = new HashMap<>();
        Map<String, Epci> epcis = new HashMap<>();
        Map<String, Commune> communes = new HashMap<>(40_000);
        Map<String, String> aliases = new HashMap<>();
        String source = "";
        BufferedReader in = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("#")) {
                source = source.isEmpty() ? line.substring(1).strip() : source;
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "D" -> departements.put(f[1], new Departement(f[1], f[2]));
                case "E" -> epcis.put(f[1], new Epci(f[1], f[2]));
                case "C" -> communes.put(f[1], new Commune(f[1], f[2], f[3].isEmpty() ? List.of() : List.of(f[3].split(",")),
                        f[4].isEmpty() ? null : epcis.get(f[4]), departements.get(f[5])));
                case "A" -> aliases.put(f[1], f[2]);
                default -> throw new IllegalStateException("geography: unknown record " + f[0]);
            }
        }
        return new Geography(Map.copyOf(communes), Map.copyOf(aliases), Map.copyOf(departements), Map.copyOf(epcis), source);
    }

    /** The current commune of this INSEE code (or of a code that now means it). */
    public Optional<Commune> commune(String inseeCode) {
        if (inseeCode == null) {
            return Optional.empty();
        }
        String code = inseeCode.strip().toUpperCase(Locale.ROOT);
        Commune c = communes.get(code);
        return c != null ? Optional.of(c) : Optional.ofNullable(aliases.get(code)).map(communes::get);
    }

    /** The current communes of a département, by code (for the statistics generator). */
    public List<Commune> communesOf(String departement) {
        return communes.values().stream().filter(c -> c.departement().code().equals(departement))
                .sorted(Comparator.comparing(Commune::code)).toList();
    }

    /** A commune of this postal code whose name is this one (case, accents and hyphens aside). */
    public Optional<Commune> byPostalCode(String codePostal, String nom) {
        String folded = Names.fold(nom);
        List<Commune> withCode = communes.values().stream().filter(c -> c.codesPostaux().contains(codePostal.strip())).toList();
        Optional<Commune> named = withCode.stream().filter(c -> Names.fold(c.nom()).equals(folded)).findFirst();
        return named.isPresent() || withCode.size() != 1 ? named : Optional.of(withCode.get(0));
    }

    /**
     * Communes for a search box: an INSEE code, a postal code (or its beginning), or the beginning
     * of a name (case and accents aside; names beginning so first, then names containing it).
     */
    public List<Commune> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        List<Commune> found = new ArrayList<>();
        if (q.matches("[0-9][0-9AaBb][0-9]{0,3}")) {
            commune(q).ifPresent(found::add);
            communes.values().stream().filter(c -> c.codesPostaux().stream().anyMatch(p -> p.startsWith(q)))
                    .sorted(Comparator.comparing((Commune c) -> c.codesPostaux().get(0)).thenComparing(Commune::nom))
                    .filter(c -> !found.contains(c)).limit(limit).forEach(found::add);
            return found.stream().limit(limit).toList();
        }
        String folded = Names.fold(q);
        byName.stream().filter(i -> i.folded().startsWith(folded)).limit(limit).forEach(i -> found.add(i.commune()));
        if (found.size() < limit) {
            byName.stream().filter(i -> !i.folded().startsWith(folded) && i.folded().contains(folded))
                    .limit(limit - found.size()).forEach(i -> found.add(i.commune()));
        }
        return found;
    }

    public Optional<Departement> departement(String code) {
        return Optional.ofNullable(departements.get(code));
    }

    public Optional<Epci> epci(String code) {
        return Optional.ofNullable(epcis.get(code));
    }

    public int communeCount() {
        return communes.size();
    }

    /** Which package and version the data came from. */
    public String source() {
        return source;
    }
}
