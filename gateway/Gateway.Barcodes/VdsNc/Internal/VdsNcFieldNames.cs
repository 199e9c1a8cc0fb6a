namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// Field names for the message members of the documented VDS-NC types: <c>icao.test</c> (proof of testing, data defined
/// by CAPSCA) and <c>icao.vacc</c> (proof of vaccination, data defined by WHO), as listed in ICAO's "Visible Digital
/// Seals for non-constrained environments" guidelines. Keys are member paths below <c>msg</c> without array indices;
/// members not listed keep their JSON name.
/// </summary>
internal static class VdsNcFieldNames
{
    public static readonly string[] KnownTypes = ["icao.test", "icao.vacc"];

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // Shared person identification.
        ["pid.n"] = "name",
        ["pid.dob"] = "date_of_birth",
        ["pid.sex"] = "sex",

        // icao.vacc
        ["uvci"] = "unique_vaccination_certificate_identifier",
        ["pid.i"] = "travel_document_number",
        ["pid.ai"] = "additional_identifier",
        ["ve.des"] = "vaccine_or_prophylaxis",
        ["ve.nam"] = "vaccine_brand",
        ["ve.dis"] = "disease_or_agent",
        ["ve.vd.dvc"] = "date_of_vaccination",
        ["ve.vd.seq"] = "dose_number",
        ["ve.vd.ctr"] = "country_of_vaccination",
        ["ve.vd.adm"] = "administering_centre",
        ["ve.vd.lot"] = "vaccine_lot_number",
        ["ve.vd.dvn"] = "date_of_next_vaccination",

        // icao.test
        ["utci"] = "unique_test_certificate_identifier",
        ["pid.dt"] = "document_type",
        ["pid.dn"] = "document_number",
        ["sp.spn"] = "service_provider_name",
        ["sp.ctr"] = "country_of_test",
        ["sp.cd.p"] = "phone",
        ["sp.cd.e"] = "email",
        ["sp.cd.a"] = "address",
        ["dat.sc"] = "specimen_collection_time",
        ["dat.ri"] = "report_issuance_time",
        ["tr.tc"] = "test_type",
        ["tr.r"] = "test_result",
        ["tr.m"] = "sampling_method",
        ["opt"] = "optional_data",
    };

    /// <summary>The field name for a member path (e.g. <c>ve.vd.dvc</c>), or the member's own name made snake_case-safe.</summary>
    public static string NameOf(string path, string member, bool knownType)
    {
        if (knownType && Names.TryGetValue(path, out var name))
        {
            return name;
        }

        var safe = new string(member.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
        return safe.Length == 0 ? "_" : safe;
    }
}
