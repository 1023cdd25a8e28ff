{#- The tables that enter their family's marts: a family (not generic) and no mapping gap. -#}
with

tables as (

    select * from {{ ref('int_report_tables') }}

),

gaps as (

    select * from {{ ref('int_table_mapping_gaps') }}

),

final as (

    select tables.report_id, tables.table_id, tables.mart_family
    from tables
    where tables.mart_family != 'generic'
        and not exists (
            select 1 from gaps
            where gaps.report_id = tables.report_id and gaps.table_id = tables.table_id
        )

)

select * from final
