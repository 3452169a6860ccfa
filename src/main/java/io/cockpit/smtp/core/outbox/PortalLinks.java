package io.cockpit.smtp.core.outbox;

/**
 * The portal's URLs the built-in bodies link to. The Email-format feature provides the configured ones; until it is
 * wired, {@link #PLACEHOLDER} stands in.
 */
public interface PortalLinks {
    String userUrl();

    String operatorUrl();

    default String url(Audience audience) {
        return audience == Audience.OPERATOR ? operatorUrl() : userUrl();
    }

    PortalLinks PLACEHOLDER = new PortalLinks() {
        @Override
        public String userUrl() {
            return "https://portal.example.com/";
        }

        @Override
        public String operatorUrl() {
            return "https://portal.example.com/operator/";
        }
    };
}
