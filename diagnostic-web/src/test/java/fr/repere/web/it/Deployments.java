package fr.repere.web.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR the build made, as Arquillian deploys it into Payara Micro (black-box tests). */
final class Deployments {

    private Deployments() {
    }

    static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("repere.war")));
    }
}
