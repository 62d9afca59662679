package org.zhifa.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.zhifa.testsupport.Configs;

class ConfigTest {

    @Test
    void theShippedConfigHoldsTheDefaults() throws IOException {
        Configs.assertShippedConfig(WechatConfig.class, WechatConfig.PID);
    }

    @Test
    void bothLanguagesHaveEveryText() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertEquals(zh.stringPropertyNames(), en.stringPropertyNames());
        for (int s = 2; s <= 6; s++) {
            assertTrue(zh.containsKey("publish.status." + s), "status " + s);
        }
    }

    @Test
    void theSecretIsNeverInTheSettingsText() {
        Settings s = Settings.of(Configs.of(WechatConfig.class, Map.of("appid", "wx1", "secret", "top-secret")));
        assertTrue(s.configured());
        assertFalse(s.toString().contains("top-secret"), s.toString());
        assertFalse(Settings.of(Configs.defaults(WechatConfig.class)).configured(), "the national defaults name no account");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConfigTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
