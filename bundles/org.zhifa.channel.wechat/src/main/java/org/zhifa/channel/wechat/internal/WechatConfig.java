package org.zhifa.channel.wechat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa WeChat Official Account channel (微信公众号)")
public @interface WechatConfig {

    String PID = "org.zhifa.channel.wechat";

    @AttributeDefinition(name = "API base URL", description = "The WeChat API, https://api.weixin.qq.com")
    String baseUrl() default "https://api.weixin.qq.com";

    @AttributeDefinition(name = "AppID", description = "开发者ID(AppID) of the Official Account (设置与开发 → 基本配置)")
    String appid() default "";

    @AttributeDefinition(name = "AppSecret", type = AttributeType.PASSWORD,
            description = "开发者密码(AppSecret); never logged or shown")
    String secret() default "";

    @AttributeDefinition(name = "Author", description = "Author of every article (at most 16 characters); empty = the bureau's name")
    String author() default "";

    @AttributeDefinition(name = "Logo", description = "Image file (PNG/JPEG) the cover thumb is made from; "
            + "empty = a cover drawn from the bureau's name")
    String logo() default "";

    @AttributeDefinition(name = "Site URL", description = "The public disclosure site, e.g. https://gongshi.example.gov.cn: "
            + "each article links to the item's page there (阅读原文); empty = no link")
    String siteUrl() default "";

    @AttributeDefinition(name = "Poll seconds", description = "How often a publishing job is asked for its state (freepublish/get)")
    int pollSeconds() default 60;

    @AttributeDefinition(name = "Content characters", description = "An article's content stays below this many characters "
            + "(WeChat: fewer than 20 000); longer items are split across articles of one draft")
    int contentLimitChars() default 20000;

    @AttributeDefinition(name = "Content bytes", description = "An article's content stays below this many bytes of UTF-8 (WeChat: under 1 MB)")
    int contentLimitBytes() default 1048576;

    @AttributeDefinition(name = "Title characters", description = "An article's title has at most this many characters (WeChat: 32)")
    int titleLimit() default 32;

    @AttributeDefinition(name = "Digest characters", description = "The digest of a one-article item (WeChat: at most 128)")
    int digestLength() default 120;

    @AttributeDefinition(name = "Quota time zone", description = "WeChat's daily quotas reset at midnight in this zone")
    String quotaZone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Timeout seconds", description = "Connect and answer timeout of one API call")
    int timeoutSeconds() default 30;

    @AttributeDefinition(name = "Cover fonts", description = "Chinese fonts for a cover drawn from the bureau's name "
            + "(.ttf, .otf, .ttc), the first readable one wins; else the JDK's SansSerif")
    String[] fonts() default {
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
    };

    @AttributeDefinition(name = "State file", description = "Where the channel keeps its cover media_id, uploaded images "
            + "and publishing jobs across restarts; ${karaf.data} is resolved")
    String stateFile() default "${karaf.data}/zhifa/channel-wechat/state.properties";
}
