/** French administrative geography: current communes, their EPCI and département (from @etalab/decoupage-administratif). */
package fr.repere.territory;
