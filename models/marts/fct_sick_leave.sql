{#-
    Sick leave by unit, gender and absence kind: the tables' cells (000 per cost centre,
    001 per unit and tertial) and the figures the 004 report gives only in prose, from the
    curated seed sick_leave_prose (each with its cited line, checked by a test). Shares of
    working time and the long-term share of sick leave are two columns, never one.
-#}
with

table_cells as (

    select * from {{ ref('int_sick_leave_measures') }}
    where value is not null

),

prose as (

    select * from {{ ref('sick_leave_prose') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

from_tables as (

    select
        report_id,
        'table' as source_kind,
        table_id,
        org_unit,
        org_unit_code,
        gender,
        absence_kind,
        reference_period_start,
        reference_period_end,
        value as value_pct,
        printed_text,
        source_line
    from table_cells

),

from_prose as (

    select
        report_id,
        'prose' as source_kind,
        cast(null as varchar) as table_id,
        org_unit,
        cast(null as varchar) as org_unit_code,
        gender,
        absence_kind,
        reference_period_start,
        reference_period_end,
        sick_leave_pct as value_pct,
        quoted_text as printed_text,
        source_line
    from prose

),

unioned as (

    select * from from_tables
    union all
    select * from from_prose

),

final as (

    select
        unioned.report_id,
        reports.municipality,
        reports.municipality_code,
        unioned.source_kind,
        unioned.table_id,
        unioned.org_unit,
        unioned.org_unit_code,
        coalesce(unioned.org_unit_code, unioned.org_unit) as org_unit_key,
        unioned.gender,
        unioned.absence_kind,
        unioned.reference_period_start,
        unioned.reference_period_end,
        cast(
            case when unioned.absence_kind <> 'long_share' then unioned.value_pct end
            as decimal(18, 4)
        ) as sick_leave_pct,
        cast(
            case when unioned.absence_kind = 'long_share' then unioned.value_pct end
            as decimal(18, 4)
        ) as long_term_share_pct,
        unioned.printed_text,
        unioned.source_line
    from unioned
    inner join reports on unioned.report_id = reports.report_id

)

select * from final
