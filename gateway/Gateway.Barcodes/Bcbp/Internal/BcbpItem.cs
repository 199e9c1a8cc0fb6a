namespace Gateway.Barcodes.Bcbp.Internal;

/// <summary>One fixed-length BCBP item: its field name, its length, its IATA item number, and whether it is structured text.</summary>
/// <param name="Name">The stable field name.</param>
/// <param name="Length">The length the Implementation Guide gives it.</param>
/// <param name="Code">The IATA item number.</param>
/// <param name="Structured">
/// False for free text (airline individual use, security data) where lowercase is legitimate and must not be folded.
/// </param>
internal sealed record BcbpItem(string Name, int Length, string Code, bool Structured = true)
{
    /// <summary>Items 7 to 117 of each leg, read before the leg's 2-hex-digit variable size (item 6). 35 characters.</summary>
    public static readonly BcbpItem[] MandatoryLeg =
    [
        new("pnr", 7, "7"),
        new("from_airport", 3, "26"),
        new("to_airport", 3, "38"),
        new("operating_carrier", 3, "42"),
        new("flight_number", 5, "43"),
        new("date_of_flight", 3, "46"),
        new("compartment", 1, "71"),
        new("seat", 4, "104"),
        new("check_in_sequence", 5, "107"),
        new("passenger_status", 1, "117"),
    ];

    /// <summary>The unique conditional items after item 10 (first leg only), in order; a section may stop after any item.</summary>
    public static readonly BcbpItem[] Unique =
    [
        new("passenger_description", 1, "15"),
        new("source_of_check_in", 1, "12"),
        new("source_of_boarding_pass_issuance", 1, "14"),
        new("date_of_issue", 4, "22"),
        new("document_type", 1, "16"),
        new("boarding_pass_issuer", 3, "21"),
        new("baggage_tag_number", 13, "23"),
        new("first_non_consecutive_baggage_tag", 13, "31"),
        new("second_non_consecutive_baggage_tag", 13, "32"),
    ];

    /// <summary>The repeated conditional items after item 17 (each leg), in order; fast track (254) arrived in version 5.</summary>
    public static readonly BcbpItem[] Repeated =
    [
        new("airline_numeric_code", 3, "142"),
        new("document_serial_number", 10, "143"),
        new("selectee_indicator", 1, "18"),
        new("international_document_verification", 1, "108"),
        new("marketing_carrier", 3, "19"),
        new("frequent_flyer_airline", 3, "20"),
        new("frequent_flyer_number", 16, "236"),
        new("id_ad_indicator", 1, "89"),
        new("free_baggage_allowance", 3, "118"),
        new("fast_track", 1, "254"),
    ];

    /// <summary>Length of the mandatory items before the first leg: format code, number of legs, name, e-ticket indicator.</summary>
    public const int HeaderLength = 23;

    /// <summary>Length of a leg's mandatory items (35) including its variable size field (2).</summary>
    public const int LegLength = 37;
}
