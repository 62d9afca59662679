package org.zhifa.disclosure.internal.redact;

import java.util.Set;

/**
 * Chinese surnames (the common single ones of 百家姓 and today's registers, and the compound ones) that
 * bound a name found by context: a surname, then one or two given characters.
 */
final class Surnames {
    private static final String SINGLE =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
            + "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
            + "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
            + "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
            + "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻"
            + "位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
            + "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但"
            + "尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
    private static final Set<String> COMPOUND = Set.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
            "轩辕", "令狐", "钟离", "独孤", "南宫", "西门", "端木", "百里", "呼延", "闻人", "澹台", "公冶", "太史",
            "申屠", "万俟", "单于", "濮阳", "淳于", "拓跋", "第五", "赫连", "东郭", "宗政", "仲孙", "司空", "司寇",
            "亓官", "漆雕", "乐正", "公良", "巫马", "鲜于", "闾丘", "谷梁", "段干", "左丘", "东门", "梁丘", "羊舌",
            "微生", "公羊", "公西", "颛孙", "夹谷", "壤驷", "子车");

    private Surnames() {
    }

    /** The length of the surname that begins at {@code at} (2 for a compound one), or 0. */
    static int at(CharSequence text, int at) {
        if (at + 1 < text.length() && COMPOUND.contains(text.subSequence(at, at + 2).toString())) {
            return 2;
        }
        return at < text.length() && SINGLE.indexOf(text.charAt(at)) >= 0 ? 1 : 0;
    }
}
