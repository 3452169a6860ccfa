package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.oauth.DelegatedAuthorization;
import io.cockpit.smtp.core.oauth.OAuthException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "authorize", mixinStandardHelpOptions = true,
        description = {"OAuth 2.0 delegated grant (authorization code with PKCE) for the gateway's mailbox.",
                "Prints the URL to open in a browser, waits for the redirect to this machine, then stores",
                "the refresh token encrypted."})
final class GatewayAuthorizeCommand implements Callable<Integer> {
    @ParentCommand GatewayCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "how long to wait for the authorization (default ${DEFAULT-VALUE})") int timeout;

    @Override
    public Integer call() throws Exception {
        if (timeout < 1 || timeout > 3600) {
            throw CliException.invalid("timeout", "must be a whole number of seconds from 1 to 3600");
        }
        CoreServices core = parent.root.services();
        GatewayConfig g = core.gateways().loadPortal();
        if (g.auth() != Authentication.OAUTH2) {
            throw CliException.invalid("auth", "the gateway does not use OAuth 2.0: run `gateway set --auth oauth2 ...` first");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DelegatedAuthorization auth = DelegatedAuthorization.begin(g, core.gateways(), core.oauth())) {
            out.println("Open this address in a browser and sign in as " + (g.username() == null ? "the mailbox" : g.username()) + ":");
            out.println(auth.url());
            out.println("Waiting up to " + timeout + " s for the authorization...");
            out.flush();
            GatewayConfig authorized = auth.await(Duration.ofSeconds(timeout));
            GatewayConfig saved = core.gateways().save(authorized);
            out.println("Authorized: the refresh token is stored encrypted (gateway version " + saved.version() + ").");
            out.flush();
            return ExitCode.DONE;
        } catch (OAuthException e) {
            throw new CliException(e.reason() == OAuthException.Reason.NOT_CONFIGURED ? ExitCode.INVALID : ExitCode.FAILED,
                    "Authorization failed: " + e.getMessage());
        }
    }
}
