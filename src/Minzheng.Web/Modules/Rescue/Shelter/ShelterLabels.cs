namespace Minzheng.Web.Modules.Rescue.Shelter;

/// <summary>The Chinese names of the shelter's codes (pages and the printed record).</summary>
public static class ShelterLabels
{
    public static string Of(ShelterReferralSource s) => s switch
    {
        ShelterReferralSource.Police => "公安机关",
        ShelterReferralSource.WomenFederation => "妇联",
        ShelterReferralSource.Committee => "村（居）委会",
        ShelterReferralSource.SelfReferred => "本人求助",
        ShelterReferralSource.Medical => "医疗机构",
        _ => "其他",
    };

    public static string Of(ShelterRisk r) => r switch
    {
        ShelterRisk.High => "高",
        ShelterRisk.Medium => "中",
        _ => "低",
    };

    public static string Of(ShelterStatus s) => s == ShelterStatus.InShelter ? "在住" : "已离开";

    public static string Of(ShelterServiceKind k) => k switch
    {
        ShelterServiceKind.Counselling => "心理疏导",
        ShelterServiceKind.Medical => "医疗救治",
        ShelterServiceKind.LegalAid => "法律援助",
        ShelterServiceKind.Accommodation => "食宿",
        ShelterServiceKind.PoliceEscort => "陪同报警、取证",
        _ => "其他",
    };
}
