using Minzheng.Web.Modules.SocialOrganizations.Credit;
using K = Minzheng.Web.Modules.SocialOrganizations.Credit.CreditEventKind;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>The credit-list rule of 民政部令第60号 (rules.md §6.2) with the statutory periods passed in.</summary>
public sealed class CreditRulesTests
{
    private static readonly CreditPeriods P = CreditPeriods.Order60;

    /// <summary>Working days for the test: Monday to Friday (the real calendar is the kernel's; the rule only takes the delegate).</summary>
    private static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return d;
    }

    private static CreditStatus Eval(DateOnly asOf, params CreditEvent[] events) => CreditRules.Evaluate(events, asOf, P, AddWorkingDays);

    private static readonly DateOnly D = new(2024, 6, 3); // a Monday

    public static TheoryData<K, bool> AbnormalGrounds => new()
    {
        { K.ReportOverdue, true },
        { K.Unreachable, true },
        { K.WarningOrSmallFine, false },
        { K.RectificationUnfinished, true },
        { K.NoPartyOrganisation, true },
        { K.FundraisingViolation, true },
    };

    [Theory]
    [MemberData(nameof(AbnormalGrounds))]
    public void Each_entry_ground_lists_on_the_abnormal_list_from_its_date(K ground, bool needsRectification)
    {
        Assert.Equal(CreditList.None, Eval(D.AddDays(-1), new CreditEvent(D, ground)).List);
        var s = Eval(D, new CreditEvent(D, ground));
        Assert.Equal(CreditList.Abnormal, s.List);
        Assert.Equal(D, s.Since);
        var g = Assert.Single(s.Grounds);
        Assert.Equal(CreditRules.Code(ground), g.Kind);
        Assert.Equal(D, g.Date);
        // only a ground without rectification has a date it goes by itself; the others wait for fulfilment
        Assert.Equal(needsRectification ? null : D.AddMonths(6), s.RemovableFrom);
    }

    public static TheoryData<K> DishonestGrounds => new() { K.FraudulentChangeRevoked, K.Suspension, K.LargeFine, K.CourtDishonestDebtor, K.RegistrationRevoked };

    [Theory]
    [MemberData(nameof(DishonestGrounds))]
    public void Each_direct_ground_lists_on_the_dishonest_list(K ground)
    {
        var s = Eval(D, new CreditEvent(D, ground));
        Assert.Equal(CreditList.Dishonest, s.List);
        Assert.Equal(D, s.Since);
        Assert.Equal(CreditRules.Code(ground), Assert.Single(s.Grounds).Kind);
        // revoked registration leaves only with deregistration
        Assert.Equal(ground == K.RegistrationRevoked ? null : D.AddYears(2), s.RemovableFrom);
    }

    [Fact]
    public void A_warning_goes_by_itself_after_six_months_not_a_day_before()
    {
        var e = new CreditEvent(D, K.WarningOrSmallFine);
        Assert.Equal(CreditList.Abnormal, Eval(D.AddMonths(6).AddDays(-1), e).List);
        Assert.Equal(CreditList.None, Eval(D.AddMonths(6), e).List);
    }

    [Fact]
    public void A_ground_that_needs_rectification_does_not_go_by_itself_and_moves_to_the_dishonest_list_at_exactly_two_years()
    {
        var e = new CreditEvent(D, K.ReportOverdue);
        Assert.Equal(CreditList.Abnormal, Eval(D.AddMonths(6), e).List);
        var before = Eval(D.AddYears(2).AddDays(-1), e);
        Assert.Equal(CreditList.Abnormal, before.List);
        var on = Eval(D.AddYears(2), e);
        Assert.Equal(CreditList.Dishonest, on.List);
        Assert.Equal(D.AddYears(2), on.Since);
        Assert.Contains(on.Grounds, g => g.Kind == CreditGroundKind.TwoYearsAbnormal && g.Date == D.AddYears(2));
        Assert.Contains(on.Grounds, g => g.Kind == "report-overdue");
        // moved there from the abnormal list: the original obligation must be fulfilled before it can leave
        Assert.Null(on.RemovableFrom);
    }

    [Fact]
    public void Fulfilment_removes_within_five_working_days_or_earlier_when_the_authority_removes()
    {
        var entry = new CreditEvent(D, K.ReportOverdue);
        var done = new CreditEvent(new DateOnly(2024, 9, 6), K.Fulfilled); // a Friday: five working days later is Friday 13th
        var pending = Eval(new DateOnly(2024, 9, 12), entry, done);
        Assert.Equal(CreditList.Abnormal, pending.List);
        Assert.Equal(done.Date, pending.RemovableFrom);
        Assert.Equal(CreditList.None, Eval(new DateOnly(2024, 9, 13), entry, done).List);
        var removed = new CreditEvent(new DateOnly(2024, 9, 9), K.Removed);
        Assert.Equal(CreditList.None, Eval(new DateOnly(2024, 9, 9), entry, done, removed).List);
    }

    [Fact]
    public void Fulfilling_one_ground_leaves_the_other_open()
    {
        var s = Eval(D.AddMonths(3), new CreditEvent(D, K.ReportOverdue), new CreditEvent(D.AddDays(1), K.NoPartyOrganisation),
            new CreditEvent(D.AddMonths(1), K.Fulfilled, Ground: K.ReportOverdue));
        Assert.Equal(CreditList.Abnormal, s.List);
        Assert.Equal("no-party-organisation", Assert.Single(s.Grounds).Kind);
        Assert.Equal(D, s.Since);
    }

    [Fact]
    public void A_new_event_restarts_the_six_months_but_not_the_two_years_to_transfer()
    {
        var first = new CreditEvent(D, K.WarningOrSmallFine);
        var second = new CreditEvent(D.AddMonths(5), K.Unreachable);
        var third = new CreditEvent(D.AddMonths(5), K.Fulfilled);
        // the first warning's six months are restarted by the later event
        var s = Eval(D.AddMonths(6), first, second, third);
        Assert.Equal(CreditList.None, Eval(D.AddMonths(6), first).List);
        Assert.Equal(CreditList.Abnormal, s.List);
        Assert.Equal(D.AddMonths(11), s.RemovableFrom);
        Assert.Equal(CreditList.None, Eval(D.AddMonths(11), first, second, third).List);
    }

    [Fact]
    public void Two_small_penalties_within_three_years_list_as_dishonest_and_not_outside_three_years()
    {
        var within = Eval(D.AddYears(3).AddDays(-1), new CreditEvent(D, K.WarningOrSmallFine), new CreditEvent(D.AddYears(3).AddDays(-1), K.WarningOrSmallFine));
        Assert.Equal(CreditList.Dishonest, within.List);
        Assert.Contains(within.Grounds, g => g.Kind == CreditGroundKind.RepeatedPenalties);
        var outside = Eval(D.AddYears(3), new CreditEvent(D, K.WarningOrSmallFine), new CreditEvent(D.AddYears(3), K.WarningOrSmallFine));
        Assert.Equal(CreditList.Abnormal, outside.List);
    }

    [Fact]
    public void The_dishonest_list_ends_after_two_clean_years_and_a_new_event_restarts_them()
    {
        var fine = new CreditEvent(D, K.LargeFine);
        Assert.Equal(CreditList.Dishonest, Eval(D.AddYears(2).AddDays(-1), fine).List);
        Assert.Equal(CreditList.None, Eval(D.AddYears(2), fine).List);
        var again = new CreditEvent(D.AddYears(1), K.WarningOrSmallFine);
        var s = Eval(D.AddYears(2), fine, again);
        Assert.Equal(CreditList.Dishonest, s.List);
        Assert.Equal(D, s.Since);
        Assert.Equal(D.AddYears(3), s.RemovableFrom);
        Assert.Equal(CreditList.None, Eval(D.AddYears(3), fine, again).List);
    }

    [Fact]
    public void A_transferred_organisation_leaves_after_two_clean_years_once_it_fulfilled_its_obligation()
    {
        var entry = new CreditEvent(D, K.ReportOverdue);
        Assert.Equal(CreditList.Dishonest, Eval(D.AddYears(4), entry).List);
        var done = new CreditEvent(D.AddYears(3), K.Fulfilled);
        Assert.Equal(CreditList.Dishonest, Eval(D.AddYears(4).AddDays(-1), entry, done).List);
        Assert.Equal(CreditList.None, Eval(D.AddYears(4), entry, done).List);
    }

    [Fact]
    public void Revoked_registration_stays_until_deregistration()
    {
        var revoked = new CreditEvent(D, K.RegistrationRevoked);
        Assert.Equal(CreditList.Dishonest, Eval(D.AddYears(5), revoked).List);
        var gone = new CreditEvent(D.AddYears(1), K.Deregistered);
        Assert.Equal(CreditList.Dishonest, Eval(D.AddYears(1).AddDays(-1), revoked, gone).List);
        Assert.Equal(CreditList.None, Eval(D.AddYears(1), revoked, gone).List);
        // events after deregistration no longer list anything
        Assert.Equal(CreditList.None, Eval(D.AddYears(2), revoked, gone, new CreditEvent(D.AddYears(2), K.ReportOverdue)).List);
    }

    [Fact]
    public void An_upheld_objection_strikes_the_event_out_from_the_correction_on()
    {
        var wrong = new CreditEvent(D, K.Unreachable, Id: "e1");
        var correction = new CreditEvent(D.AddDays(20), K.Corrected, Corrects: "e1");
        Assert.Equal(CreditList.Abnormal, Eval(D.AddDays(19), wrong, correction).List);
        Assert.Equal(CreditList.None, Eval(D.AddDays(20), wrong, correction).List);
        // the struck event no longer counts toward two penalties within three years either
        var p1 = new CreditEvent(D, K.WarningOrSmallFine, Id: "p1");
        var p2 = new CreditEvent(D.AddMonths(2), K.WarningOrSmallFine);
        var fix = new CreditEvent(D.AddMonths(3), K.Corrected, Corrects: "p1");
        Assert.Equal(CreditList.Dishonest, Eval(D.AddMonths(2), p1, p2, fix).List);
        var after = Eval(D.AddMonths(3), p1, p2, fix);
        Assert.Equal(CreditList.Abnormal, after.List);
        Assert.Equal(D.AddMonths(2), after.Since);
    }

    [Fact]
    public void No_events_means_no_list()
    {
        var s = Eval(D);
        Assert.Equal(new CreditStatus(CreditList.None, null, [], null) with { Grounds = s.Grounds }, s);
        Assert.Empty(s.Grounds);
    }
}
