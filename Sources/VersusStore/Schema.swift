import VersusCore

/// The SQLite schema the importer builds and the queries read.
///
/// Estimates keep BLS's markers: columns marked "number or marker" hold a REAL,
/// or the marker text exactly as published (`#`, `*`, `**`), or NULL for an empty cell.
enum Schema {
    /// Bump when the tables change: the cached database is keyed by it, so a new schema means a new build.
    static let version = 5

    /// The versions of everything the importer writes that code can change: the tables and the stored
    /// title index. The cached database is keyed on it, so a new build of either means a new database.
    static var buildKey: String {
        "schema \(version) title-index \(TitleIndex.snapshotVersion) casing \(TitleCasing.version) names \(PopularTitle.version)"
    }

    /// The tables, with their primary keys and unique indexes: those are checks (a duplicate row stops the
    /// import at its line), so they exist while the rows are inserted.
    static let tables = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        -- O*NET occupations with their SOC 2018 code (crosswalk), job zone and the OEWS code whose wages describe them.
        CREATE TABLE occupation (
            code TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            soc_code TEXT NOT NULL,
            job_zone INTEGER,
            wage_code TEXT,               -- OEWS OCC_CODE, NULL when OEWS publishes nothing that contains it
            wage_basis TEXT               -- 'own' | 'aggregate'
        );

        CREATE TABLE soc_definition (code TEXT PRIMARY KEY, level TEXT NOT NULL, title TEXT NOT NULL, definition TEXT);

        -- Every title source. O*NET sources carry an O*NET code; SOC and Census sources a SOC code.
        CREATE TABLE title (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,         -- 'onet' | 'alternate' | 'reported' | 'soc_direct_match' | 'census'
            title TEXT NOT NULL,
            short_title TEXT,             -- O*NET alternate titles' short form (e.g. 'COO')
            code TEXT,                    -- O*NET-SOC code
            soc_code TEXT,                -- SOC 2018 code (SOC and Census sources; may be a Census aggregate like 51-91XX)
            detail TEXT,                  -- alternate titles: O*NET's source list; reported: 'My Next Move' flag; SOC: illustrative example
            industry_restriction TEXT,    -- Census: the Census industry code(s) the title is restricted to
            census_code TEXT              -- Census 2018 occupation code
        );
        -- The title search index built from the tables at import (TitleIndex.snapshot()): a command that
        -- searches loads it in milliseconds instead of building it in half a second. One row.
        CREATE TABLE title_index_snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), snapshot BLOB NOT NULL);

        CREATE TABLE task (
            code TEXT NOT NULL, task_id INTEGER NOT NULL, statement TEXT NOT NULL,
            type TEXT,                    -- 'Core' | 'Supplemental' | NULL
            incumbents_responding REAL,
            PRIMARY KEY (code, task_id)
        ) WITHOUT ROWID;
        CREATE TABLE task_dwa (code TEXT NOT NULL, task_id INTEGER NOT NULL, dwa_id TEXT NOT NULL, PRIMARY KEY (code, task_id, dwa_id)) WITHOUT ROWID;
        CREATE TABLE dwa (dwa_id TEXT PRIMARY KEY, iwa_id TEXT NOT NULL, element_id TEXT NOT NULL, title TEXT NOT NULL);
        CREATE TABLE iwa (iwa_id TEXT PRIMARY KEY, element_id TEXT NOT NULL, title TEXT NOT NULL);
        CREATE TABLE element (element_id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT);
        CREATE TABLE scale (scale_id TEXT PRIMARY KEY, name TEXT NOT NULL, minimum REAL, maximum REAL);

        -- Skills, knowledge (IM importance 1-5, LV level 0-7) and work styles, with O*NET's quality flags.
        CREATE TABLE rating (
            domain TEXT NOT NULL,         -- 'skill' | 'knowledge' | 'work_style'
            code TEXT NOT NULL, element_id TEXT NOT NULL, element_name TEXT NOT NULL, scale_id TEXT NOT NULL,
            value REAL NOT NULL, n REAL, standard_error REAL, lower_ci REAL, upper_ci REAL,
            recommend_suppress INTEGER NOT NULL DEFAULT 0, not_relevant INTEGER NOT NULL DEFAULT 0,
            date TEXT, domain_source TEXT,
            PRIMARY KEY (domain, code, element_id, scale_id)
        ) WITHOUT ROWID;

        -- Education, training and experience: percent of respondents per category.
        CREATE TABLE education_training (
            code TEXT NOT NULL, element_id TEXT NOT NULL, element_name TEXT NOT NULL, scale_id TEXT NOT NULL,
            category INTEGER,             -- NULL for the importance (IM) rows, which have no category
            value REAL NOT NULL, n REAL, standard_error REAL, lower_ci REAL, upper_ci REAL,
            recommend_suppress INTEGER NOT NULL DEFAULT 0, date TEXT, domain_source TEXT
        );
        CREATE UNIQUE INDEX education_training_key ON education_training(code, element_id, scale_id, category);
        CREATE TABLE education_category (
            element_id TEXT NOT NULL, element_name TEXT NOT NULL, scale_id TEXT NOT NULL, category INTEGER NOT NULL, description TEXT NOT NULL,
            PRIMARY KEY (element_id, scale_id, category)
        ) WITHOUT ROWID;
        CREATE TABLE job_zone_reference (job_zone INTEGER PRIMARY KEY, name TEXT, experience TEXT, education TEXT, training TEXT, examples TEXT, svp_range TEXT);

        -- Filled at import, to rank examples by what they say about a job. `occupations`: how many O*NET occupations list
        -- the same example (desktop computers: hundreds, so it says little). `related`: how many of the occupation's O*NET
        -- related occupations list it too (none for MEDITECH at accountants: a posting's accident, not the kind of work).
        CREATE TABLE technology (
            code TEXT NOT NULL, example TEXT NOT NULL, commodity_code TEXT, commodity_title TEXT, hot INTEGER NOT NULL, in_demand INTEGER NOT NULL,
            occupations INTEGER, related INTEGER
        );
        CREATE TABLE tool (code TEXT NOT NULL, example TEXT NOT NULL, commodity_code TEXT, commodity_title TEXT, occupations INTEGER, related INTEGER);
        CREATE TABLE related_occupation (code TEXT NOT NULL, related_code TEXT NOT NULL, tier TEXT NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (code, related_code)) WITHOUT ROWID;
        CREATE TABLE interest (code TEXT NOT NULL, element_id TEXT NOT NULL, element_name TEXT NOT NULL, scale_id TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (code, element_id, scale_id)) WITHOUT ROWID;
        CREATE TABLE work_value (code TEXT NOT NULL, element_id TEXT NOT NULL, element_name TEXT NOT NULL, scale_id TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (code, element_id, scale_id)) WITHOUT ROWID;

        -- OEWS May 2025.
        CREATE TABLE oews_area (area TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT NOT NULL, state TEXT);
        CREATE TABLE oews_industry (naics TEXT PRIMARY KEY, title TEXT NOT NULL, grp TEXT);
        CREATE TABLE oews_occupation (occ_code TEXT PRIMARY KEY, title TEXT NOT NULL, grp TEXT NOT NULL);
        CREATE TABLE oews_estimate (
            area TEXT NOT NULL, naics TEXT NOT NULL, occ_code TEXT NOT NULL,
            tot_emp, emp_prse, jobs_1000, loc_quotient,          -- number or marker
            h_mean, a_mean, mean_prse,
            h_pct10, h_pct25, h_median, h_pct75, h_pct90,
            a_pct10, a_pct25, a_median, a_pct75, a_pct90,
            annual_only INTEGER NOT NULL, hourly_only INTEGER NOT NULL,
            PRIMARY KEY (area, naics, occ_code)
        ) WITHOUT ROWID;

        -- Employment Projections 2024-34 (employment in thousands, as published).
        CREATE TABLE ep_occupation (
            code TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT NOT NULL,
            employment_2024 REAL, employment_2034 REAL, distribution_2024 REAL, distribution_2034 REAL,
            change_numeric REAL, change_percent REAL, self_employed_percent REAL, annual_openings REAL,
            median_wage_2024,                                       -- number or marker
            typical_education TEXT, work_experience TEXT, on_the_job_training TEXT, ooh_url TEXT
        );
        -- broader_group: the row's title carries table 5.3's footnote mark "[1]": BLS publishes the figures for a broader
        -- group of occupations, not for this one alone.
        CREATE TABLE ep_education_attainment (
            code TEXT NOT NULL, ordinal INTEGER NOT NULL, level TEXT NOT NULL, percent REAL, broader_group INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (code, ordinal)
        ) WITHOUT ROWID;
        CREATE TABLE ep_education_assignment (code TEXT PRIMARY KEY, typical_education TEXT, work_experience TEXT, on_the_job_training TEXT);
        CREATE TABLE ep_top_skill (code TEXT NOT NULL, rank INTEGER NOT NULL, skill TEXT NOT NULL, PRIMARY KEY (code, rank)) WITHOUT ROWID;
        CREATE TABLE ep_skill_rank (code TEXT NOT NULL, skill TEXT NOT NULL, percentile REAL, PRIMARY KEY (code, skill)) WITHOUT ROWID;

        -- ORS 2020 (preliminary), one row per published estimate with its labels.
        CREATE TABLE ors_estimate (
            series_id TEXT PRIMARY KEY, soc_code TEXT NOT NULL, occupation TEXT NOT NULL, requirement TEXT NOT NULL,
            estimate_code TEXT NOT NULL, estimate_text TEXT NOT NULL, category_code TEXT, category TEXT,
            additive_code TEXT, additive TEXT, datatype_code TEXT, datatype TEXT,
            estimate, standard_error,                               -- number or marker
            data_footnote TEXT, standard_error_footnote TEXT, series_footnote TEXT
        );
        -- Names derived at import by Core's rules (title casing learnt from short titles, each occupation's popular name).
        CREATE TABLE derived_name (kind TEXT NOT NULL, version INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
        CREATE TABLE ors_footnote (code TEXT PRIMARY KEY, text TEXT NOT NULL);
        """

    /// The other indexes (but technology's and tool's, which the loader builds for its own count), created once the tables are loaded: sorting a loaded table into an index is
    /// faster than keeping the index in order through every insert.
    static let indexes = """
        CREATE INDEX occupation_soc ON occupation(soc_code);
        CREATE INDEX title_code ON title(code);
        CREATE INDEX title_soc ON title(soc_code);
        CREATE INDEX oews_estimate_occ ON oews_estimate(occ_code, naics, area);
        -- An occupation's national employment by industry as one short range (the comparison's "where they work").
        CREATE INDEX oews_estimate_national_industry ON oews_estimate(occ_code, naics, tot_emp) WHERE area = '0000000';
        CREATE INDEX ors_estimate_soc ON ors_estimate(soc_code);
        -- The comparison reads a fixed set of estimates per SOC code; covering them spares a table lookup per estimate.
        CREATE INDEX ors_estimate_measure ON ors_estimate(soc_code, estimate_code, estimate, data_footnote);
        """
}
