package org.zhifa.spotcheck.internal.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.SpotCheckService;

/** One draw in full; with --file, also its draw file for the offline verifier. */
@Command(scope = "zhifa", name = "draw-show",
        description = "Shows a draw (抽取): sources and values, key, algorithm, snapshot hashes, record entry, result; --file writes draw.json")
@Service
public class ShowCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "draw", required = true, description = "the draw's id")
    String draw;

    @Option(name = "--file", description = "also write the draw file (draw.json, for java -jar zhifa-verify.jar); relative to the Karaf base folder")
    String file;

    @Override
    public Object execute() throws IOException {
        long id = Shell.id(draw, "what.draw");
        Actor actor = user.current();
        Draw d;
        try {
            d = service.draw(id, actor).orElseThrow(() -> Shell.invalid("draw.notFound", id));
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        Shell.print(d, System.out);
        if (file != null) {
            if (d.status() == Draw.Status.ANNOUNCED) {
                throw Shell.invalid("file.notDrawn", id);
            }
            Path path = Shell.file(file);
            Files.createDirectories(path.getParent());
            // written beside it first, so a failed write leaves nothing half-written
            Path tmp = Files.createTempFile(path.getParent(), ".zhifa-draw-", ".json");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    service.drawFile(id, out);
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            } catch (ZhifaException e) {
                throw Shell.refusal(e);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.println(Shell.both("file.done", path));
        }
        return null;
    }
}
