package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.testing.OAuthServer;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.ExecutorRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autoriser without the toolkit: a cancel really stops waiting for the browser, and nothing is saved. */
class OAuthAuthorizationViewModelTest {
    @TempDir
    Path dir;

    @Test
    void cancelStopsWaitingClosesTheRedirectAndSavesNothing() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             ExecutorRunner background = new ExecutorRunner(1, Runnable::run)) {
            GatewayConfig g = s.gateways().loadPortal();
            s.gateways().save(g.toBuilder().auth(Authentication.OAUTH2).username("svc@example.com")
                    .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.CUSTOM, null, "desk-app", null,
                            oauth.tokenUrl(), "openid offline_access smtp.send", null)).build());
            GatewayViewModel form = new GatewayViewModel(s.gateways(), new InlineRunner(), GatewayConfig.PORTAL);
            form.form().load();
            form.oauth().grantProperty().set(OAuthGrant.DELEGATED);
            OAuthAuthorizationViewModel vm = new OAuthAuthorizationViewModel(s.gateways(), s.oauth(), s.gatewaySecrets(),
                    background, FxEvents.inline(), form, uri -> { }); // the user never signs in

            vm.authorize();
            Outboxes.await(() -> !vm.authorizationUrlProperty().get().isEmpty(), Duration.ofSeconds(10));
            assertEquals(OAuthAuthorizationViewModel.State.RUNNING, vm.stateProperty().get());
            int redirectPort = redirectPort(vm.authorizationUrlProperty().get());

            vm.cancel();
            assertEquals(OAuthAuthorizationViewModel.State.CANCELLED, vm.stateProperty().get());
            Outboxes.await(() -> !listening(redirectPort), Duration.ofSeconds(10));
            assertThrows(IOException.class, () -> new Socket("127.0.0.1", redirectPort).close(),
                    "the loopback redirect is closed");
            assertNull(s.gateways().loadPortal().oauth().refreshToken(), "nothing was saved");
        }
    }

    private static int redirectPort(String authorizationUrl) {
        for (String p : URI.create(authorizationUrl).getRawQuery().split("&")) {
            if (p.startsWith("redirect_uri=")) {
                return URI.create(URLDecoder.decode(p.substring(13), StandardCharsets.UTF_8)).getPort();
            }
        }
        throw new AssertionError("no redirect_uri in " + authorizationUrl);
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
