namespace Gateway.Drivers.Camera;

/// <summary>What a camera is for.</summary>
public enum CameraMode
{
    /// <summary>The traveller's portrait: quality gate, operator feedback, auto-capture.</summary>
    Portrait = 1,

    /// <summary>A document camera: frames go to the barcode engine (and any other document frame reader).</summary>
    Document = 2,
}

/// <summary>What happens when a file or image sequence plays out.</summary>
public enum EndOfSource
{
    /// <summary>The device faults ("source ended") and the gateway reopens it after its backoff: the file plays again.</summary>
    Fault = 1,

    /// <summary>The file is rewound in place and plays again without a fault (training mode).</summary>
    Loop = 2,

    /// <summary>The device stops for good.</summary>
    Stop = 3,
}
