using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Community.Admission;

/// <summary>
/// Seeds the certificate catalogue and the 准入 lists at first start. CONFIRMED (rules-2 §2.5): the 20 certificates committees must
/// not issue (民发〔2020〕20号), always seeded. The duties and assistance tasks the 村委会组织法 / 居委会组织法 state themselves are
/// seeded always, citing their articles. UNCONFIRMED for Guangxi: the 负面清单, the allowed certificate types and any other entry —
/// demo rows only, 演示数据 in their text, for the county to replace.
/// </summary>
public sealed class AdmissionInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string Forbidden2020 = "民发〔2020〕20号";

    private static readonly DateOnly Law2018 = new(2018, 12, 29);
    private static readonly DateOnly Directive2020 = new(2020, 4, 1);

    private const string Village = "《村民委员会组织法》（2018年修正）";
    private const string Residents = "《城市居民委员会组织法》（2018年修正）";
    private const string Demo = "演示数据（广西准入清单未经核实，请县级民政部门按本地清单录入）";

    public int Order => 198;

    /// <summary>The 20 of 民发〔2020〕20号, with what the asking side does instead (code, name, instead).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Instead)> ForbiddenTypes =
    [
        ("kinship", "亲属关系", "由需要的部门通过户籍、婚姻登记、收养登记等信息核查，或由当事人书面承诺"),
        ("identity-info", "居民身份信息", "由公安机关通过居民身份证、户口簿及人口信息系统核实"),
        ("hukou-change", "户口登记项目内容变更申请", "由户籍地公安派出所依申请人提交的有关材料办理"),
        ("dog-keeping", "养犬", "由养犬登记管理部门依法办理"),
        ("no-criminal-record", "无犯罪记录", "由公安机关依法出具"),
        ("drug-rehab", "社区戒毒社区康复人员情况", "由乡镇（街道）社区戒毒社区康复工作机构提供"),
        ("missing-person", "人员失踪", "由公安机关出具报案证明，或由人民法院依法宣告失踪"),
        ("marital-status", "婚姻状况", "由婚姻登记机关信息核查，或由当事人书面承诺"),
        ("birth", "出生", "凭医疗机构出具的《出生医学证明》"),
        ("alive", "健在", "由待遇发放部门通过数据比对、生存认证等方式核实"),
        ("death", "死亡", "凭医疗卫生机构出具的死亡医学证明，或公安机关、人民法院的有关文书"),
        ("illness", "疾病状况", "凭医疗机构出具的诊断证明"),
        ("disability", "残疾状况", "凭残联核发的残疾人证，或由部门信息核查"),
        ("childbearing", "婚育状况", "由卫生健康部门信息核查，或由当事人书面承诺"),
        ("employment", "就业状况", "由人力资源社会保障部门信息核查，或由当事人书面承诺"),
        ("personal-file", "个人档案", "由档案保管单位依规定出具"),
        ("property", "财产", "由不动产登记、车辆登记、金融等部门依法核查"),
        ("inheritance", "遗产继承权", "由公证机构办理继承公证，或由人民法院依法确认"),
        ("business-address", "市场主体住所", "由市场主体登记机关依申请人住所（经营场所）申报承诺办理"),
        ("lost-document", "证件遗失", "由证件签发机关依申请人声明办理补领"),
    ];

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<CertificateType>().AnyAsync(ct))
        {
            foreach (var (code, name, instead) in ForbiddenTypes)
            {
                db.Add(new CertificateType
                {
                    Code = code,
                    Name = name,
                    Allowed = false,
                    LegalBasis = AdmissionRules.Directive,
                    Instead = instead + "；村（居）民委员会不再出具此类证明。",
                    ValidFrom = Directive2020,
                    Document = $"{Forbidden2020}（2020年4月印发）第一批取消的村级证明事项",
                });
            }
            if (demo)
            {
                db.Add(Allowed("member-office", "村（居）民委员会成员任职情况", $"{Village}第十一条（村民委员会成员由村民直接选举产生）：对本委员会成员任职情况的证明属其职责范围"));
                db.Add(Allowed("meeting-resolution", "村民会议、村民代表会议决定事项", $"{Village}第二十四条：对本村村民会议、村民代表会议依法作出的决定出具证明"));
                db.Add(Allowed("group-member", "村民小组成员身份（本村集体事务）", $"{Village}第二十八条：办理本村集体事务所需的村民小组成员身份"));
            }
        }
        if (!await db.Set<AdmissionItem>().AnyAsync(ct))
        {
            Item(db, WorkItemList.Duty, "办理本村（居住地区）的公共事务和公益事业", $"{Village}第二条；{Residents}第三条", false);
            Item(db, WorkItemList.Duty, "调解民间纠纷", $"{Village}第二条；{Residents}第三条", false);
            Item(db, WorkItemList.Duty, "协助维护社会治安", $"{Village}第二条；{Residents}第三条", false);
            Item(db, WorkItemList.Duty, "向人民政府反映村（居）民的意见、要求和提出建议", $"{Village}第二条；{Residents}第三条", false);
            Item(db, WorkItemList.Duty, "支持和组织村民发展生产，依法管理本村集体所有的土地和其他财产", $"{Village}第八条", false);
            Item(db, WorkItemList.Duty, "宣传宪法、法律、法规和国家的政策，教育和推动村民履行法律规定的义务", $"{Village}第九条；{Residents}第三条", false);
            Item(db, WorkItemList.Duty, "实行村务公开（决策、救灾救助补贴和捐赠款物、财务收支、协助政府工作、重大事项）", $"{Village}第三十条", false);
            Item(db, WorkItemList.Assist, "协助乡、民族乡、镇人民政府开展工作", $"{Village}第五条", false);
            Item(db, WorkItemList.Assist, "协助做好与居民利益有关的公共卫生、优抚救济、青少年教育等工作", $"{Residents}第三条", false);
            if (demo)
            {
                Item(db, WorkItemList.Assist, "协助做好社会救助申请的受理、入户调查和公示", $"{Demo}：《社会救助暂行办法》有关规定", true);
                Item(db, WorkItemList.Forbidden, "行政执法", $"{Demo}：村（居）民委员会是基层群众性自治组织，不承担行政执法职责", true, "执法、罚款、处罚、查处、强制");
                Item(db, WorkItemList.Forbidden, "征地拆迁", $"{Demo}：房屋征收与补偿由市、县人民政府确定的部门组织实施", true, "拆迁、拆除、征收、征地");
                Item(db, WorkItemList.Forbidden, "招商引资", $"{Demo}：不得向村（居）民委员会下达招商引资任务", true, "招商、引资");
                Item(db, WorkItemList.Forbidden, "出具无法律法规依据的证明", $"{Demo}：{AdmissionRules.Directive}", true, "开具证明、出具证明");
                Item(db, WorkItemList.Forbidden, "部门工作的考核评比、创建达标（未经准入）", $"{Demo}：未经准入的考核评比不得要求村（居）民委员会参加", true, "评比、达标、创建");
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static CertificateType Allowed(string code, string name, string basis) => new()
    {
        Code = code,
        Name = name,
        Allowed = true,
        LegalBasis = basis,
        ValidFrom = Directive2020,
        Document = "演示数据：保留的村级证明事项（未经核实，请按自治区保留证明事项清单录入）",
        IsDemo = true,
    };

    private static void Item(AppDbContext db, WorkItemList list, string title, string basis, bool demo, string keywords = "") => db.Add(new AdmissionItem
    {
        List = list,
        Title = title,
        LegalBasis = basis,
        Keywords = keywords,
        ScopeCode = City,
        ValidFrom = Law2018,
        IsDemo = demo,
    });
}
