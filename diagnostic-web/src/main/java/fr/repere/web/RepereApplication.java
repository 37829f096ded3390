package fr.repere.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API of Repère, versioned in its paths (/api/v1/...). */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Repère API", version = "v1",
        description = "Diagnostic de l'exclusion numérique et orientation des personnes accompagnées."))
public class RepereApplication extends Application {
}
