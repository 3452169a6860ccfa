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

    /** The configured URLs; one not configured yet falls back to its placeholder. */
    static PortalLinks of(String userUrl, String operatorUrl) {
        // An unset URL stays unset: the built-in bodies then give no link rather than a wrong one.
        String user = userUrl == null || userUrl.isBlank() ? null : userUrl;
        String operator = operatorUrl == null || operatorUrl.isBlank() ? null : operatorUrl;
        return new PortalLinks() {
            @Override
            public String userUrl() {
                return user;
            }

            @Override
            public String operatorUrl() {
                return operator;
            }
        };
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
