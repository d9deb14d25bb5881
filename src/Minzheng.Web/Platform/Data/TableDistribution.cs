namespace Minzheng.Web.Platform.Data;

/// <summary>Where a table lives on a distributed PostgreSQL (Citus) cluster; docs/scale.md and ADR 074.</summary>
public enum TableKind
{
    /// <summary>Grows with the population or with activity; sharded by <see cref="TableDistribution.Column"/>, co-located with every other distributed table.</summary>
    Distributed,

    /// <summary>Small and read inside statements over distributed tables (divisions, figures, code lists, the places that serve people): one copy on every node.</summary>
    Reference,

    /// <summary>Small and never joined with distributed tables in one statement (accounts, job queue, counters, supervision of organisations): stays on the coordinator.</summary>
    Local,
}

/// <summary>
/// Where the migration that adds <see cref="TableDistribution.Column"/> to a table of today takes each row's county from.
/// Citus refuses a generated column as the distribution column ("Distribution column must not use GENERATED ALWAYS AS
/// (...) STORED"), so the county is a plain stored column, written by the application when the row is inserted.
/// </summary>
public abstract record CountySource
{
    /// <summary>The row's own <c>division_code</c>: its first six digits are the county (<c>450981</c> + <c>000000</c>).</summary>
    public sealed record OwnDivision : CountySource;

    /// <summary>The parent row's county, through <paramref name="Column"/> (a key of <paramref name="Table"/>, itself distributed).</summary>
    public sealed record Parent(string Column, string Table) : CountySource;

    /// <summary>No column of today says which county the row belongs to; the change is in <see cref="TableDistribution.KnownViolations"/>.</summary>
    public sealed record Unresolved : CountySource;
}

/// <summary>A constraint of today's schema that a distributed cluster could not enforce as it stands, why, and the planned change.</summary>
public sealed record KnownViolation(string Table, string Constraint, string Reason, string Change);

/// <summary>
/// The one classification of every table for the road beyond one database server (docs/scale.md, ADR 074). A new table
/// must be added here; a test (DistributionColumnTests) fails until it is, and checks that a distributed table carries the
/// county column and that its primary key, unique indexes and foreign keys include it, as Citus requires.
/// </summary>
public static class TableDistribution
{
    /// <summary>
    /// The distribution column: the 12-digit code of the row's county (<c>450981000000</c>), the unit that approves, pays and
    /// compares; the name and shape the comparison tables already use.
    /// </summary>
    public const string Column = "county_code";

    private static readonly (TableKind Kind, string Why, string[] Tables)[] Groups =
    [
        (TableKind.Distributed, "the registry: one row per person, household, membership and marital event", [
            "registry_person", "registry_household", "registry_household_member", "registry_marital_event"]),
        (TableKind.Distributed, "social assistance: a case per applying household and its parts", [
            "assistance_case", "assistance_case_member", "assistance_income_item", "assistance_change", "assistance_review",
            "assistance_document", "assistance_objection", "assistance_amount_change", "assistance_watch_follow_up"]),
        (TableKind.Distributed, "entitlements and payments: a period per beneficiary, a payroll line per beneficiary and month", [
            "entitlement_period", "entitlement_benefit_proposal", "payments_payroll", "payments_line", "payments_recovery",
            "payments_recovery_settlement", "payments_review_decision"]),
        (TableKind.Distributed, "data comparison: dataset rows and findings by the million, runs per county", [
            "comparison_finding", "comparison_record", "comparison_run"]),
        (TableKind.Distributed, "the workflow, audit trail, files and tasks of every case", [
            "workflow_case", "workflow_case_event", "workflow_attachment", "audit_entry", "file_stored", "platform_work_item"]),
        (TableKind.Distributed, "face photos of rescue intakes and protection cases, and the clerks' decisions on their candidates (ADR 081)", [
            "face_sample", "face_match_review"]),
        (TableKind.Distributed, "domestic-violence shelter stays with their services, children and extensions (issue 20 item 4)", [
            "rescue_shelter_stay", "rescue_shelter_service", "rescue_shelter_child", "rescue_shelter_extension"]),
        (TableKind.Distributed, "module records per person, case, visit, vote or hour of service", [
            "child_allowance_case", "child_institution_child", "child_protection_case", "child_protection_service", "child_visit", "child_watch",
            "com_admission_item", "com_admission_request", "com_audit", "com_ballot_box", "com_ballot_vote", "com_candidate",
            "com_capacity_assessment", "com_capacity_follow_up", "com_capacity_score", "com_certificate", "com_election",
            "com_election_committee", "com_member", "com_member_review", "com_publicity_record", "com_roll_objection", "com_vetting_check",
            "com_voter", "disability_subsidy", "elderly_age_allowance", "elderly_assessment", "elderly_homecare_audit", "elderly_homecare_order",
            "disability_rehab_enrolment", "disability_rehab_session", "disability_rehab_score",
            "elderly_homecare_visit", "elderly_left_behind", "elderly_left_behind_visit", "elderly_resident", "funeral_cremation",
            "funeral_death_record", "funeral_eco_award", "funeral_grave_case", "funeral_grave_photo", "funeral_plot", "funeral_waiver_service",
            "marriage_appointment", "marriage_certificate", "marriage_counselling_session", "marriage_divorce_application",
            "marriage_historical_record", "marriage_refusal", "marriage_registration", "rescue_dna_request", "rescue_family_inquiry",
            "rescue_return", "rescue_search_notice", "rescue_service", "rescue_stay", "socialwork_exam_attempt", "socialwork_referral",
            "socialwork_service", "socialwork_training_participant", "socialwork_worker", "volunteer_activity", "volunteer_certificate",
            "volunteer_correction", "volunteer_membership", "volunteer_profile", "volunteer_service_record", "volunteer_signup",
            "volunteer_timebank_account", "volunteer_timebank_entry", "volunteer_timebank_relative", "volunteer_timebank_txn"]),

        (TableKind.Reference, "divisions, calendar, figures and settings: read by statements in every county", [
            "division", "division_version", "division_change", "division_change_item", "division_change_mapping", "division_move",
            "calendar_day", "platform_figure", "platform_setting"]),
        (TableKind.Reference, "process definitions and code lists", [
            "workflow_process", "payments_price_index", "payments_price_subsidy_rule", "payments_bank_template", "payments_failure_reason",
            "com_capacity_indicator", "com_certificate_type", "com_vetting_catalog", "socorg_evaluation_indicator"]),
        (TableKind.Reference, "county switches and dataset headers, read inside the comparison statements", [
            "comparison_rule_setting", "comparison_dataset"]),
        (TableKind.Reference, "organisations and the places that serve people of any county (homes, facilities, offices, stations, teams, committees, contracts)", [
            "registry_organization", "registry_organization_event", "elderly_home", "funeral_facility", "marriage_office", "rescue_station",
            "socialwork_station", "child_institution", "volunteer_team", "com_committee", "elderly_homecare_contract",
            "marriage_counselling_contract", "disability_rehab_contract"]),

        (TableKind.Reference, "福康工程 catalogues and budgets: a few rows per county and year, read when a township assesses", [
            "disability_fukang_device", "disability_fukang_budget"]),
        (TableKind.Local, "福康工程 applications: some hundreds per county and year, read alone (never joined with people in one statement)", [
            "disability_fukang_application"]),

        (TableKind.Local, "accounts and roles (ASP.NET Core Identity; its int identity keys can be neither distributed nor replicated)", [
            "access_user", "access_role", "access_user_role", "access_user_claim", "access_user_login", "access_user_token", "access_role_claim"]),
        (TableKind.Local, "coordinator work: job queue, numbering counters, acknowledgements, import batches", [
            "platform_job", "platform_number_counter", "platform_work_item_ack", "import_batch", "import_row_error"]),
        (TableKind.Local, "supervision of organisations and facilities: thousands of rows per county, never joined with people", [
            "charity_donation", "charity_fundraising_plan", "charity_spending", "charity_trust", "charity_yearly_report",
            "socorg_annual_report", "socorg_application", "socorg_cleanup_step", "socorg_credit_event", "socorg_credit_objection",
            "socorg_credit_publication", "socorg_decoupling", "socorg_evaluation", "socorg_evaluation_expert", "socorg_evaluation_score",
            "socorg_expert", "socorg_funding_programme", "socorg_party", "socorg_profile", "socorg_qualification", "socorg_spot_check",
            "socorg_spot_check_draw", "socorg_spot_check_inspector", "socorg_support_project", "elderly_home_filing",
            "elderly_homecare_settlement", "elderly_inspection", "elderly_inspection_draw", "elderly_inspection_matter",
            "elderly_inspection_rectification", "elderly_inspection_target", "elderly_inspector", "elderly_staff", "elderly_star_rating",
            "elderly_subsidy", "funeral_waiver_settlement", "marriage_counselling_settlement", "disability_rehab_settlement", "rescue_campaign", "rescue_patrol",
            "socialwork_training", "volunteer_project", "child_institution_check", "com_pilot"]),
        (TableKind.Local, "place names and boundaries: a gazetteer read by name and by line, not joined with people", [
            "geo_boundary_dispute", "geo_boundary_file", "geo_boundary_inspection", "geo_boundary_line", "geo_boundary_marker",
            "geo_boundary_side", "geo_built_up_area", "geo_cleanup_case", "geo_former_place_name", "geo_marker_finding", "geo_name_sign",
            "geo_name_sign_check", "geo_name_sign_photo", "geo_naming_application", "geo_place_name"]),
    ];

    /// <summary>Every table's kind, by table name.</summary>
    public static IReadOnlyDictionary<string, TableKind> Kinds { get; } =
        Groups.SelectMany(g => g.Tables.Select(t => (t, g.Kind))).ToDictionary(x => x.t, x => x.Kind, StringComparer.Ordinal);

    /// <summary>Why each table has its kind (the group it is listed in).</summary>
    public static IReadOnlyDictionary<string, string> Why { get; } =
        Groups.SelectMany(g => g.Tables.Select(t => (t, g.Why))).ToDictionary(x => x.t, x => x.Why, StringComparer.Ordinal);

    private static readonly string[] OwnDivisionTables =
    [
        "assistance_case", "assistance_change", "assistance_review", "assistance_watch_follow_up", "child_allowance_case",
        "child_institution_child", "child_protection_case", "child_visit", "child_watch", "com_admission_request", "com_audit", "com_ballot_box",
        "com_candidate", "com_capacity_assessment", "com_capacity_follow_up", "com_capacity_score", "com_certificate", "com_election",
        "com_election_committee", "com_member", "com_member_review", "com_publicity_record", "com_roll_objection", "com_vetting_check",
        "com_voter", "comparison_run", "disability_subsidy", "disability_rehab_enrolment", "disability_rehab_session", "disability_rehab_score", "elderly_age_allowance", "elderly_assessment", "elderly_homecare_audit",
        "elderly_homecare_order", "elderly_homecare_visit", "elderly_left_behind", "elderly_left_behind_visit", "elderly_resident",
        "entitlement_benefit_proposal", "entitlement_period", "funeral_cremation", "funeral_death_record", "funeral_eco_award",
        "funeral_grave_case", "funeral_grave_photo", "funeral_plot", "funeral_waiver_service", "marriage_appointment", "marriage_certificate",
        "marriage_counselling_session", "marriage_divorce_application", "marriage_historical_record", "marriage_refusal",
        "marriage_registration", "payments_line", "payments_payroll", "payments_recovery", "payments_review_decision", "platform_work_item",
        "registry_household", "registry_marital_event", "registry_person", "rescue_dna_request", "rescue_family_inquiry", "rescue_return",
        "rescue_search_notice", "rescue_service", "rescue_shelter_child", "rescue_shelter_extension", "rescue_shelter_service", "rescue_shelter_stay", "rescue_stay", "socialwork_exam_attempt", "socialwork_referral", "socialwork_service",
        "socialwork_training_participant", "socialwork_worker", "volunteer_activity", "volunteer_certificate", "volunteer_correction",
        "volunteer_membership", "volunteer_profile", "volunteer_service_record", "volunteer_signup", "volunteer_timebank_account",
        "volunteer_timebank_relative", "workflow_case",
    ];

    /// <summary>
    /// The distributed tables of today that do not have <see cref="Column"/> yet, and where the one migration that adds it
    /// fills it from (docs/scale.md, "The county migration"). Frozen: a table created from now on is born with the column
    /// (the test refuses a distributed table that has neither), and an entry goes when its table gets the column.
    /// </summary>
    public static IReadOnlyDictionary<string, CountySource> AwaitingCountyColumn { get; } = new Dictionary<string, CountySource>(
        OwnDivisionTables.Select(t => KeyValuePair.Create(t, (CountySource)new CountySource.OwnDivision()))
            .Concat(
            [
                KeyValuePair.Create("assistance_case_member", (CountySource)new CountySource.Parent("case_id", "assistance_case")),
                KeyValuePair.Create("assistance_income_item", (CountySource)new CountySource.Parent("case_id", "assistance_case")),
                KeyValuePair.Create("assistance_document", (CountySource)new CountySource.Parent("case_id", "assistance_case")),
                KeyValuePair.Create("assistance_objection", (CountySource)new CountySource.Parent("case_id", "assistance_case")),
                KeyValuePair.Create("assistance_amount_change", (CountySource)new CountySource.Parent("case_id", "assistance_case")),
                KeyValuePair.Create("child_protection_service", (CountySource)new CountySource.Parent("case_id", "child_protection_case")),
                KeyValuePair.Create("com_admission_item", (CountySource)new CountySource.Parent("request_id", "com_admission_request")),
                KeyValuePair.Create("com_ballot_vote", (CountySource)new CountySource.Parent("ballot_box_id", "com_ballot_box")),
                KeyValuePair.Create("payments_recovery_settlement", (CountySource)new CountySource.Parent("recovery_id", "payments_recovery")),
                KeyValuePair.Create("registry_household_member", (CountySource)new CountySource.Parent("household_id", "registry_household")),
                KeyValuePair.Create("volunteer_timebank_entry", (CountySource)new CountySource.Parent("account_id", "volunteer_timebank_account")),
                KeyValuePair.Create("workflow_case_event", (CountySource)new CountySource.Parent("case_id", "workflow_case")),
                KeyValuePair.Create("workflow_attachment", (CountySource)new CountySource.Parent("event_id", "workflow_case_event")),
                KeyValuePair.Create("audit_entry", (CountySource)new CountySource.Unresolved()),
                KeyValuePair.Create("comparison_record", (CountySource)new CountySource.Unresolved()),
                KeyValuePair.Create("file_stored", (CountySource)new CountySource.Unresolved()),
                KeyValuePair.Create("volunteer_timebank_txn", (CountySource)new CountySource.Unresolved()),
            ]), StringComparer.Ordinal);

    private const string PerCounty = "Prefix the county: (county_code, …), built in the county migration.";
    private const string MovesWithPerson =
        "Prefix the county; the person-move use case carries the open record to the new county in the same transaction, and the " +
        "registry_identity row (distributed by id_number_hash) is where a nationwide 'one per person' is checked.";

    /// <summary>
    /// Constraints of today that a distributed cluster could not enforce as they stand: the semantic ones (unique beyond a
    /// county by meaning, references across counties) and those the test finds on tables that already have the column. The
    /// mechanical rest (every primary key and per-county unique index of a table awaiting the column becomes
    /// (county_code, …)) is the county migration itself. Every entry must name a constraint of the model (the test checks),
    /// and docs/scale.md lists the same.
    /// </summary>
    public static IReadOnlyList<KnownViolation> KnownViolations { get; } =
    [
        new("registry_person", "ix_registry_person_id_number_hash",
            "An ID number is unique nationwide, and a person who moves changes county: a unique index per shard cannot see the other counties.",
            "A registry_identity table (id_number_hash primary key, person_id, county_code), distributed by id_number_hash and written in the " +
            "same transaction as the person (Citus commits both with two-phase commit); registry_person keeps (county_code, id_number_hash)."),
        new("registry_person", "ix_registry_person_platform_number",
            "Platform numbers are issued once nationwide, but keep the county of issue when the person moves.",
            "The coordinator's counter stays the guarantee; the index becomes (county_code, platform_number), lookups by number go through registry_identity."),
        new("registry_household_member", "ux_registry_household_member_current",
            "One current household per person nationwide; a move across counties closes a membership in one shard and opens one in another.",
            MovesWithPerson),
        new("audit_entry", "ix_audit_entry_chain_index",
            "One hash chain for the whole installation, sealed by one sealer; entries of system work have no division, so no county either.",
            "One chain per county: (county_code, chain_index) unique, previous_hash within the county, a sealer per county; system entries to the " +
            "province's own code; a daily root entry chains the county heads."),
        new("audit_entry", "county",
            "No column says which county an entry belongs to (division_code is null for system work).",
            "county_code from the audited row's county (AuditRecorder knows the entity), the province's code when there is none."),
        new("comparison_record", "county",
            "A dataset row names an ID number, not a county; the city's datasets serve every county.",
            "At import, route each row to the county of the person it names (a co-located join with registry_identity on id_number_hash), rows " +
            "naming nobody to the dataset's own division; (county_code, dataset_id, id_number_hash) becomes the index."),
        new("file_stored", "county",
            "A stored file knows its uploader, not the record it belongs to.",
            "county_code written at upload from the owning record's division (every upload is made through a use case that knows it)."),
        new("volunteer_timebank_txn", "county",
            "A time-bank transfer may move hours between accounts in two counties: the transaction row has no single county.",
            "county_code = the county that books it (booked_at_division); the two entries stay with their accounts' counties and Citus commits " +
            "the three rows with two-phase commit."),
        new("comparison_finding", "ix_comparison_finding_rule_code_person_id_source_id_dataset_id",
            "The table has county_code, but the rerun guard's unique index does not include it.",
            PerCounty + " Findings are routed to the person's county, so a rerun still adds nothing."),
        new("face_sample", "pk_face_sample",
            "The table has county_code, but its key is the id alone (reviews and the photo's page refer to it by id).",
            "(county_code, id), with the references below carrying the county."),
        new("face_match_review", "pk_face_match_review",
            "The table has county_code (the probe's), but its key is the id alone.",
            "(county_code, id)."),
        new("face_match_review", "ix_face_match_review_probe_id_candidate_id",
            "One decision per pair, without the county.",
            PerCounty + " The probe's county decides; the pair stays unique within it."),
        new("face_match_review", "fk_face_match_review_face_sample_probe_id",
            "The probe and its review are in the same county, but the key does not say so.",
            "(county_code, probe_id) → face_sample (county_code, id)."),
        new("face_match_review", "fk_face_match_review_face_sample_candidate_id",
            "A city user's candidate may be another county's photo: the review names a row on another shard.",
            "Keep candidate_county_code beside candidate_id and drop the database key (the use case checks the candidate when deciding)."),
        new("comparison_finding", "pk_comparison_finding",
            "The table has county_code, but its bigint identity key is unique on its own.",
            "(county_code, id): Citus gives each node its own range of a bigint identity, so ids stay unique without a global sequence."),
        new("payments_line", "ux_payments_line_once",
            "Exactly-once per source, month, programme, purpose and occurrence, without the county (the table was redesigned in ADR 076; " +
            "its unique indexes must stay prefixable).",
            PerCounty + " An entitlement is paid by one county, so (county_code, source_id, service_month, …) is the same guarantee."),
        new("payments_line", "ux_payments_line_offset", "One offset per recovery, payroll and month, without the county.",
            PerCounty + " A recovery is offset in the payroll of its own county."),
        new("payments_line", "ux_payments_line_retry", "One retry per failed line, without the county.",
            PerCounty + " The retry is paid by the county of the failed line."),
        new("elderly_age_allowance", "ix_elderly_age_allowance_person_id", "One age allowance per person nationwide.", MovesWithPerson),
        new("funeral_death_record", "ix_funeral_death_record_person_id", "One death record per person nationwide.", MovesWithPerson),
        new("volunteer_profile", "ix_volunteer_profile_person_id", "One volunteer profile per person nationwide.", MovesWithPerson),
        new("volunteer_timebank_account", "ix_volunteer_timebank_account_person_id", "One time-bank account per person nationwide.", MovesWithPerson),
        new("marriage_certificate", "ix_marriage_certificate_token",
            "The public verification page finds a certificate by its token alone, without knowing the county.",
            "Put the county in the token (its first characters), so the lookup is routed to one shard; (county_code, token) unique."),
        new("volunteer_certificate", "ix_volunteer_certificate_token",
            "The public verification page finds a certificate by its token alone, without knowing the county.",
            "Put the county in the token (its first characters), so the lookup is routed to one shard; (county_code, token) unique."),
        new("registry_organization", "fk_registry_organization_persons_legal_representative_person_id",
            "A reference table may not reference a distributed one (Citus: foreign keys from reference tables to distributed tables are not supported).",
            "Drop the database foreign key; the legal representative is checked by the registry use case (the person exists in some county)."),
        new("marriage_registration", "fk_marriage_registration_persons_female_person_id",
            "The two parties may be registered in different counties (婚姻登记条例 第四条): the reference crosses shards.",
            "Drop the database foreign keys to registry_person for the parties; the registration stores each party's county beside the id."),
        new("marriage_registration", "fk_marriage_registration_persons_male_person_id",
            "The two parties may be registered in different counties: the reference crosses shards.",
            "As for the female party."),
        new("rescue_stay", "fk_rescue_stay_persons_person_id",
            "A person in the station's care is usually registered in another county.",
            "Drop the database foreign key; the stay stores the person's county beside the id."),
        new("elderly_resident", "fk_elderly_resident_persons_person_id",
            "A care home admits residents registered in other counties.",
            "Drop the database foreign key; the resident row stores the person's county beside the id."),
        new("geo_boundary_file", "fk_geo_boundary_file_files_file_id",
            "A local (coordinator) table may not reference a distributed table.",
            "Drop the database foreign key; the gazetteer keeps the file's id and county, checked by the files use case."),
        new("geo_name_sign_photo", "fk_geo_name_sign_photo_files_file_id",
            "A local (coordinator) table may not reference a distributed table.",
            "As for geo_boundary_file."),
    ];
}
