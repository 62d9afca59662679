package org.zhifa.shell.internal;

import org.osgi.service.component.annotations.Component;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;

/** The session user for commands of other bundles: the one place that reads the JAAS subject. */
@Component(service = ShellUser.class)
public class ShellUserService implements ShellUser {

    @Override
    public Actor current() {
        try {
            return ShellActor.current();
        } catch (IllegalStateException e) {
            throw new ZhifaException(ZhifaException.Kind.UNAUTHENTICATED, "SHELL_UNAUTHENTICATED",
                    "没有已登录的 shell 用户", "no authenticated shell user", null);
        }
    }
}
