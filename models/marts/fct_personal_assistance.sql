{#- Personal assistance (001): persons, granted hours and hours per person and month,
    averages per tertial, by year. The measure is named by the table's title
    (table_measure_map). -#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'personal_assistance' and value is not null

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

typed as (

    select
        measures.*,
        table_measure as measure,
        cast(regexp_extract(row_label, '((?:19|20)[0-9]{2})', 1) as integer) as year,
        cast(right(column_key, 1) as integer) as tertial
    from measures

),

final as (

    select
        typed.report_id,
        reports.municipality,
        reports.municipality_code,
        typed.table_id,
        typed.measure,
        typed.year,
        typed.tertial,
        make_date(typed.year, 4 * typed.tertial - 3, 1) as reference_period_start,
        last_day(make_date(typed.year, 4 * typed.tertial, 1)) as reference_period_end,
        typed.value,
        typed.printed_text,
        typed.source_line
    from typed
    inner join reports on typed.report_id = reports.report_id

)

select * from final
