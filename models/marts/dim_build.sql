{#-
    This warehouse's build: when dbt built it and from how many reports, so a BI user sees
    how fresh the numbers are (`warehouse status` prints it).
-#}
with

reports as (

    select * from {{ ref('int_report_status') }}

),

files as (

    select * from {{ ref('stg_input_files') }}

),

report_counts as (

    select
        count(*) as reports_loaded,
        count(*) filter (where load_status = 'published') as reports_published,
        count(*) filter (where load_status = 'quarantined') as reports_quarantined
    from reports

),

file_counts as (

    select
        count(*) as input_files,
        count(*) filter (where input_status in ('duplicate', 'superseded', 'skipped'))
            as files_skipped,
        count(*) filter (
            where input_status in ('conflict', 'not_loaded', 'unreadable', 'missing_text')
        ) as reports_not_loaded
    from files

),

final as (

    select
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as timestamp) as built_at_utc,
        '{{ invocation_id }}' as dbt_invocation_id,
        '{{ dbt_version }}' as dbt_version,
        {{ var('quarantine_reports') }} as quarantines_reports,
        file_counts.input_files,
        report_counts.reports_loaded,
        report_counts.reports_published,
        report_counts.reports_quarantined,
        file_counts.reports_not_loaded,
        file_counts.files_skipped
    from report_counts
    cross join file_counts

)

select * from final
