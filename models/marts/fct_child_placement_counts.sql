{#- Ongoing out-of-home placements of children and young people by type (003): the
    report's months (the last one preliminary) and monthly averages of two earlier years. -#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'placement_counts' and value is not null

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

periods as (

    select
        measures.*,
        reports.municipality,
        reports.municipality_code,
        case
            when measures.column_key in ('month', 'preliminary_month')
                then make_date(reports.report_year, {{ month_number('measures.column_header') }}, 1)
            when measures.column_key = 'previous_year_monthly_average'
                then make_date(reports.report_year - 1, 1, 1)
            when measures.column_key = 'year_before_previous_monthly_average'
                then make_date(reports.report_year - 2, 1, 1)
        end as reference_period_start
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
        row_label as placement_type,
        is_varav,
        parent_row_number,
        column_key like '%monthly_average' as is_monthly_average,
        column_key = 'preliminary_month' as is_preliminary,
        reference_period_start,
        case
            when column_key like '%monthly_average'
                then make_date(year(reference_period_start), 12, 31)
            else last_day(reference_period_start)
        end as reference_period_end,
        value as placements,
        printed_text,
        label_line,
        source_line
    from periods

)

select * from final
