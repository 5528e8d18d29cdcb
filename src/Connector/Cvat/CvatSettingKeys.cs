namespace Elfs.Connector.Cvat;

/// <summary>
/// The full configuration keys of a CVAT project's settings, as messages name them (e.g. <c>Elfs:Projects:0:Assignees</c>).
/// A host whose keys differ from <see cref="CvatOptions"/>' property names (its pool project is <c>PoolProjectId</c>) passes its own.
/// </summary>
/// <param name="Prefix">The section, e.g. <c>Cvat</c> or <c>Elfs:Projects:0</c>.</param>
/// <param name="PoolProjectName">The key name of <see cref="CvatOptions.ProjectId"/>.</param>
/// <param name="PoolTaskIdsName">The key name of <see cref="CvatOptions.TaskIds"/>.</param>
public sealed record CvatSettingKeys(string Prefix, string PoolProjectName = "ProjectId", string PoolTaskIdsName = "TaskIds")
{
    /// <summary>The key of <see cref="CvatOptions.TokenEnv"/>.</summary>
    public string TokenEnv => Key("TokenEnv");

    /// <summary>The key of <see cref="CvatOptions.TokenKind"/>.</summary>
    public string TokenKind => Key("TokenKind");

    /// <summary>The key of <see cref="CvatOptions.Organization"/>.</summary>
    public string Organization => Key("Organization");

    /// <summary>The key of <see cref="CvatOptions.ProjectId"/> (the pool project).</summary>
    public string PoolProject => Key(PoolProjectName);

    /// <summary>The key of <see cref="CvatOptions.TaskIds"/> (the pool tasks).</summary>
    public string PoolTaskIds => Key(PoolTaskIdsName);

    /// <summary>The key of <see cref="CvatOptions.AnnotationProjectId"/>.</summary>
    public string AnnotationProjectId => Key("AnnotationProjectId");

    /// <summary>The key of <see cref="CvatOptions.Assignees"/>.</summary>
    public string Assignees => Key("Assignees");

    /// <summary>The key of a setting named <paramref name="name"/> (a <see cref="CvatOptions"/> property).</summary>
    public string Key(string name) => $"{Prefix}:{name}";
}
