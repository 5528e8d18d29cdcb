namespace Elfs.Connector.Cvat;

/// <summary>How a push attaches the chosen images to its new batch task.</summary>
public enum CvatAttachMode
{
    /// <summary>By reference when every chosen frame lies on the server share or in one cloud storage, else re-upload.</summary>
    Auto,

    /// <summary>Always by reference (<c>server_files</c>, plus <c>cloud_storage_id</c> for cloud storage); fails when impossible.</summary>
    Reference,

    /// <summary>Always download the original frames and upload them again (<c>Upload-Start/Multiple/Finish</c>).</summary>
    Upload,
}
