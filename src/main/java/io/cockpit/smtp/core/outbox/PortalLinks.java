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
        String user = userUrl == null || userUrl.isBlank() ? PLACEHOLDER.userUrl() : userUrl;
        String operator = operatorUrl == null || operatorUrl.isBlank() ? PLACEHOLDER.operatorUrl() : operatorUrl;
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
