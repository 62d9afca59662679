package org.zhifa.city.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.city.internal.CityCommands;

/** Registers a county (or changes its registration) with its pinned public key; prints a new token once. */
@Command(scope = "zhifa", name = "city-register",
        description = "Registers a county at the city platform, or changes its registration (管理员)")
@Service
public class RegisterCommand implements Action {

    @Reference
    CityCommands city;

    @Reference
    ShellUser user;

    @Option(name = "--key", description = "File with the county's record public key (PEM); required the first time")
    String keyFile;

    @Option(name = "--cert", description = "SHA-256 fingerprint of the county's client certificate")
    String cert;

    @Option(name = "--new-token", description = "Issue a new token (the first registration always issues one)")
    boolean newToken;

    @Option(name = "--inactive", description = "Disable the county")
    boolean inactive;

    @Option(name = "--reason", description = "Why the registration changes (required for a change)")
    String reason;

    @Argument(index = 0, name = "code", required = true, description = "The county's division code")
    String code;

    @Argument(index = 1, name = "name", required = false, description = "The county bureau's name")
    String name;

    @Override
    public Object execute() {
        String pem = null;
        if (keyFile != null) {
            try {
                pem = Files.readString(Path.of(keyFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(Shell.both("shell.keyFile", keyFile, e.getMessage()));
            }
        }
        try {
            System.out.println(city.register(code, name, pem, cert, newToken, inactive ? Boolean.FALSE : null, reason,
                    user.current()));
        } catch (RuntimeException e) {
            throw Shell.refusal(e);
        }
        return null;
    }
}
