package fr.repere.diagnostic;

/**
 * The primary orientation: autonomy, or the field's three-way split "transmettre un savoir /
 * faire avec / faire à la place".
 */
public enum Orientation {
    AUTONOMOUS("Autonome : pas d'accompagnement numérique nécessaire"),
    TRAIN("Former : ateliers ou parcours pour gagner en autonomie"),
    MEDIATOR("Orienter vers un médiateur numérique : faire avec la personne"),
    ON_BEHALF("Faire à la place, sous mandat : démarche urgente sans autonomie possible à temps");

    private final String label;

    Orientation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
