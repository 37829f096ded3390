package fr.repere.web.security.launch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The launch form's one field, read from the body whatever else comes with it. */
class LaunchFormTest {

    @Test
    void theTokenIsTheFormsIdTokenFieldDecoded() {
        assertEquals("a.b+c/d", LaunchResource.idToken("x=1&id_token=a.b%2Bc%2Fd&y=2", "application/x-www-form-urlencoded"));
        assertEquals("a.b.c", LaunchResource.idToken("id_token=a.b.c", "application/x-www-form-urlencoded; charset=UTF-8"));
    }

    @Test
    void anythingElseIsNoToken() {
        assertNull(LaunchResource.idToken("{\"id_token\": \"a.b.c\"}", "application/json"));
        assertNull(LaunchResource.idToken("id_token=a.b.c", null));
        assertNull(LaunchResource.idToken("", "application/x-www-form-urlencoded"));
        assertNull(LaunchResource.idToken("id_token=%zz", "application/x-www-form-urlencoded"));
        assertNull(LaunchResource.idToken(null, "application/x-www-form-urlencoded"));
    }
}
