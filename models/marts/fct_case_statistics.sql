{#- Children and youth case statistics (003): reports of concern, investigations and their
    length, for the report's month and the two previous years. -#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'case_statistics' and value is not null

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

periods as (

    select
        measures.*,
        reports.municipality,
        reports.municipality_code,
        case measures.column_key
            when 'month' then make_date(reports.report_year, {{ month_number('measures.column_header') }}, 1)
            when 'previous_year' then make_date(reports.report_year - 1, 1, 1)
            when 'year_before_previous' then make_date(reports.report_year - 2, 1, 1)
        end as reference_period_start,
        case measures.column_key
            when 'month' then last_day(make_date(reports.report_year, {{ month_number('measures.column_header') }}, 1))
            when 'previous_year' then make_date(reports.report_year - 1, 12, 31)
            when 'year_before_previous' then make_date(reports.report_year - 2, 12, 31)
        end as reference_period_end
    from measures
    inner join reports on measures.report_id = reports.report_id

),

final as (

    select
        report_id,
        municipality,
        municipality_code,
        table_id,
        row_number,
        row_label as statistic,
        is_varav,
        parent_row_number,
        case when column_key = 'month' then 'month' else 'year' end as period_kind,
        reference_period_start,
        reference_period_end,
        value,
        printed_text,
        label_line,
        source_line
    from periods

)

select * from final
