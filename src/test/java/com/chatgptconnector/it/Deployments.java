package com.chatgptconnector.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The integration tests deploy exactly the WAR that ships, as built by {@code mvn package}. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive shippedWar() {
        File war = new File(System.getProperty("it.war", "target/chatgpt-connector.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests through 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
